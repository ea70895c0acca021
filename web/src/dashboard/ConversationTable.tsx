import { useState } from 'react';
import { downloadCsv, loadConversations } from './api';
import type { Session } from './auth';
import { outcomeLabel } from './figures';
import type { Filters } from './query';
import { usePolling } from './usePolling';

const OUTCOMES = ['', 'automated_confirmed', 'automated_assumed', 'assisted', 'unresolved', 'pending'];

/** The period's conversations with their outcome, paged; a row opens the drill-down; CSV export of the same list. */
export function ConversationTable(props: { session: Session; filters: Filters; filtersKey: string; onOpen: (id: string) => void }) {
  const { session, filters, filtersKey, onOpen } = props;
  const [page, setPage] = useState(1);
  const [outcome, setOutcome] = useState('');
  const { data, error } = usePolling(() => loadConversations(session, filters, page, outcome), `${filtersKey}|${page}|${outcome}`);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section className="card" data-testid="conversation-table">
      <h3>Conversations {data && <small>({data.total})</small>}</h3>
      <div className="table-tools">
        <select value={outcome} onChange={(e) => { setOutcome(e.target.value); setPage(1); }} aria-label="Outcome">
          {OUTCOMES.map((o) => <option key={o} value={o}>{o ? outcomeLabel(o) : 'all outcomes'}</option>)}
        </select>
        <button type="button" onClick={() => void downloadCsv(session, filters, outcome)} data-testid="csv-export">Export CSV</button>
      </div>
      {error && <p className="error">{error.message}</p>}
      <table>
        <thead>
          <tr><th>Started (UTC)</th><th>Route</th><th>Outcome</th><th>First question</th><th>Replies</th><th>👍/👎</th></tr>
        </thead>
        <tbody>
          {data?.items.map((c) => (
            <tr key={c.conversationId} className="clickable" onClick={() => onOpen(c.conversationId)} data-testid="conversation-row">
              <td>{c.startedAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{c.route ?? '–'}</td>
              <td><span className={`outcome ${c.outcome}`}>{outcomeLabel(c.outcome)}</span></td>
              <td className="question">{c.firstQuestion ?? ''}</td>
              <td>{c.turns}</td>
              <td>{c.thumbsUp}/{c.thumbsDown}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>‹</button>
        <span>{page} / {pages}</span>
        <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>›</button>
      </div>
    </section>
  );
}
