import { useEffect, useMemo, useState } from 'react';
import { AgentTable } from './AgentTable';
import { ApiError, loadDashboard } from './api';
import type { Session } from './auth';
import { chartRows, routesOf } from './chartData';
import { ConversationDrawer } from './ConversationDrawer';
import { ConversationTable } from './ConversationTable';
import { CountBars } from './CountBars';
import { FeedbackChart } from './FeedbackChart';
import { FilterBar } from './FilterBar';
import { GapTable } from './GapTable';
import { LatencyChart } from './LatencyChart';
import { OutcomeChart } from './OutcomeChart';
import { toSearch, type Filters } from './query';
import { RouteMixChart } from './RouteMixChart';
import { RouteTable } from './RouteTable';
import { Tiles } from './Tiles';
import { usePolling } from './usePolling';

/** The signed-in dashboard: filters, tiles, charts, breakdowns, gaps and conversations, refreshed every 10 s. */
export function Dashboard(props: { session: Session; initial: Filters; onSignOut: () => void; onUnauthorized: () => void }) {
  const { session, initial, onSignOut, onUnauthorized } = props;
  const [filters, setFilters] = useState(initial);
  const [open, setOpen] = useState<string>();
  const key = toSearch(filters);
  const { data, error, updatedAt } = usePolling(() => loadDashboard(session, filters), key);
  const rows = useMemo(() => (data ? chartRows(data.series.points, data.series.interval) : []), [data]);
  const routes = useMemo(() => (data ? routesOf(data.series.points) : []), [data]);
  const allRoutes = useMemo(() => [...new Set([...routes, ...(data?.breakdowns.routes.map((r) => r.route) ?? []), 'billing', 'technical', 'general'])].filter((r) => r !== 'none').sort(), [data, routes]);

  const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
  useEffect(() => {
    if (refused) onUnauthorized();
  }, [refused, onUnauthorized]);

  const change = (next: Filters) => {
    setFilters(next);
    window.history.replaceState(null, '', `?${toSearch(next)}`);
  };

  return (
    <main className="dashboard">
      <header>
        <h1>Support analytics</h1>
        <FilterBar filters={filters} routes={allRoutes} updatedAt={updatedAt} onChange={change} onSignOut={onSignOut} />
      </header>
      {error && <p className="error" role="alert">{error.message}</p>}
      {!data && !error && <p>Loading…</p>}
      {data && (
        <>
          <Tiles summary={data.summary} />
          <div className="grid">
            <OutcomeChart rows={rows} />
            <LatencyChart rows={rows} />
            <RouteMixChart rows={rows} routes={routes} />
            <FeedbackChart rows={rows} />
            <CountBars title="Escalation reasons" items={data.breakdowns.escalationReasons} colour="#ef6c00" />
            <CountBars title="Answer sources" items={data.breakdowns.answerSources} />
          </div>
          <div className="grid">
            <RouteTable routes={data.breakdowns.routes} />
            <AgentTable agents={data.breakdowns.agents} />
          </div>
          <GapTable gaps={data.gaps} onOpenConversation={setOpen} />
        </>
      )}
      <ConversationTable session={session} filters={filters} filtersKey={key} onOpen={setOpen} />
      {open && <ConversationDrawer session={session} id={open} onClose={() => setOpen(undefined)} />}
    </main>
  );
}
