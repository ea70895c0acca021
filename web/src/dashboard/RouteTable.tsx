import type { RouteItem } from './types';

/** Conversations per route (by first request) and what became of them. */
export function RouteTable({ routes }: { routes: RouteItem[] }) {
  return (
    <section className="card" data-testid="route-table">
      <h3>Routes</h3>
      <table>
        <thead>
          <tr><th>Route</th><th>Conversations</th><th>Automated</th><th>Assisted</th><th>Unresolved</th><th>Escalated</th><th>Bot replies</th></tr>
        </thead>
        <tbody>
          {routes.map((r) => (
            <tr key={r.route}>
              <td>{r.route}</td><td>{r.conversations}</td><td>{r.automated}</td><td>{r.assisted}</td><td>{r.unresolved}</td><td>{r.escalated}</td><td>{r.turns}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
