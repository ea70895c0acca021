import { Dashboard } from './Dashboard';
import { filtersFromSearch } from './query';
import { useSession } from './useSession';

/** Signs in (hub account or API key, see auth.ts), then shows the dashboard for the period in the URL (or the last 7 days). */
export function App() {
  const { session, gate, signOut, refuse } = useSession();
  if (!session) return gate;
  return (
    <Dashboard
      session={session}
      initial={filtersFromSearch(window.location.search, new Date())}
      onSignOut={signOut}
      onUnauthorized={() => refuse('Your sign-in was refused or has expired: sign in again.')}
    />
  );
}
