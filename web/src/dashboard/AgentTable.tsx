import { formatSeconds } from './figures';
import type { AgentItem } from './types';

/** Per agent: handoffs, resolved, wait until taken and handling time (people's figures, apart from the bot's). */
export function AgentTable({ agents }: { agents: AgentItem[] }) {
  return (
    <section className="card" data-testid="agent-table">
      <h3>Agents</h3>
      {agents.length === 0 ? (
        <p className="empty">No handoffs in this period.</p>
      ) : (
        <table>
          <thead>
            <tr><th>Agent</th><th>Handoffs</th><th>Resolved</th><th>Wait p50</th><th>Handling p50</th><th>Satisfaction</th></tr>
          </thead>
          <tbody>
            {agents.map((a) => (
              <tr key={a.agent}>
                <td>{a.agent}</td><td>{a.handoffs}</td><td>{a.resolved}</td><td>{formatSeconds(a.waitSeconds.p50)}</td>
                <td>{formatSeconds(a.handlingSeconds.p50)}</td><td>{a.satisfactionScore?.toFixed(1) ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
