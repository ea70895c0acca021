import { useCallback, useEffect, useState } from 'react';
import { currentAgent, logout } from './api';
import { AgentHubPage } from './AgentHubPage';
import { LoginForm } from './LoginForm';
import type { Agent } from './types';

type Session = { kind: 'checking' } | { kind: 'signed-out'; message?: string } | { kind: 'signed-in'; agent: Agent };

/** Sign-in gate: nothing of the hub renders (or connects) before the host confirms the session. */
export function HubApp() {
  const [session, setSession] = useState<Session>({ kind: 'checking' });

  useEffect(() => {
    let cancelled = false;
    currentAgent().then(
      (agent) => !cancelled && setSession(agent ? { kind: 'signed-in', agent } : { kind: 'signed-out' }),
      () => !cancelled && setSession({ kind: 'signed-out', message: 'The hub cannot be reached right now. Try signing in again.' }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const signedOut = useCallback(() => setSession({ kind: 'signed-out', message: 'Your session ended. Please sign in again.' }), []);
  const signOut = useCallback(async () => {
    await logout().catch(() => undefined);
    setSession({ kind: 'signed-out' });
  }, []);

  switch (session.kind) {
    case 'checking':
      return (
        <p className="hub-loading" role="status">
          Loading the agent hub…
        </p>
      );
    case 'signed-out':
      return <LoginForm message={session.message} onSignedIn={(agent) => setSession({ kind: 'signed-in', agent })} />;
    case 'signed-in':
      return <AgentHubPage me={session.agent} onSignOut={signOut} onSignedOut={signedOut} />;
  }
}
