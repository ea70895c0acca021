import type { Gaps } from './types';

/** Knowledge gaps: similar questions the bot could not answer well, with a link to fix them in the KB admin. */
export function GapTable({ gaps, onOpenConversation }: { gaps: Gaps; onOpenConversation: (id: string) => void }) {
  return (
    <section className="card" data-testid="gap-table">
      <h3>Knowledge gaps <small>({gaps.questions} questions)</small></h3>
      {gaps.groups.length === 0 ? (
        <p className="empty">No low-confidence, rated-down or handed-off questions in this period.</p>
      ) : (
        <table>
          <thead>
            <tr><th>Question</th><th>Count</th><th>Why</th><th>Routes</th><th>Examples</th><th /></tr>
          </thead>
          <tbody>
            {gaps.groups.map((g) => (
              <tr key={g.label} data-testid="gap-row">
                <td>{g.label}</td>
                <td>{g.count}</td>
                <td>{Object.entries(g.reasons).map(([reason, n]) => `${reason.replace('_', ' ')} ${n}`).join(', ')}</td>
                <td>{g.routes.join(', ')}</td>
                <td>
                  <ul className="examples">
                    {g.examples.slice(0, 3).map((e) => <li key={e}>{e}</li>)}
                  </ul>
                  {g.conversationIds.slice(0, 3).map((id) => (
                    <button key={id} type="button" className="link" onClick={() => onOpenConversation(id)}>open</button>
                  ))}
                </td>
                <td><a href={g.adminUrl}>Fix in KB</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
