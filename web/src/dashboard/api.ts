import { authorize, type Session } from './auth';
import { apiQuery, intervalFor, type Filters } from './query';
import type { Breakdowns, ConversationDetail, ConversationPage, Gaps, Series, Summary } from './types';

/** Thrown for a non-2xx answer; `status` 401/403 means the session is not (or no longer) valid. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(session: Session, path: string): Promise<T> {
  const response = await fetch(path, authorize(session, { headers: { Accept: 'application/json' } }));
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
    throw new ApiError(response.status, problem?.detail ?? `${path}: HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

export interface DashboardData {
  summary: Summary;
  series: Series;
  breakdowns: Breakdowns;
  gaps: Gaps;
}

/** Everything the charts and tiles need for the filters, fetched in parallel. */
export async function loadDashboard(session: Session, filters: Filters): Promise<DashboardData> {
  const q = apiQuery(filters);
  const [summary, series, breakdowns, gaps] = await Promise.all([
    getJson<Summary>(session, `/api/analytics/summary?${q}`),
    getJson<Series>(session, `/api/analytics/series?${apiQuery(filters, { interval: intervalFor(filters) })}`),
    getJson<Breakdowns>(session, `/api/analytics/breakdowns?${q}`),
    getJson<Gaps>(session, `/api/analytics/gaps?${apiQuery(filters, { limit: 20 })}`),
  ]);
  return { summary, series, breakdowns, gaps };
}

export function loadConversations(session: Session, filters: Filters, page: number, outcome: string): Promise<ConversationPage> {
  return getJson(session, `/api/analytics/conversations?${apiQuery(filters, { page, pageSize: 20, outcome })}`);
}

export function loadConversation(session: Session, id: string): Promise<ConversationDetail> {
  return getJson(session, `/api/analytics/conversations/${encodeURIComponent(id)}`);
}

/** Downloads the CSV export (with the session's credentials) and hands it to the browser as a file. */
export async function downloadCsv(session: Session, filters: Filters, outcome: string): Promise<void> {
  const response = await fetch(`/api/analytics/conversations.csv?${apiQuery(filters, { outcome })}`, authorize(session));
  if (!response.ok) throw new ApiError(response.status, `CSV export: HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'conversations.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
