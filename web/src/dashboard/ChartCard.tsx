import type { ReactNode } from 'react';

/** A titled panel around one chart. */
export function ChartCard({ title, children, empty }: { title: string; children: ReactNode; empty?: boolean }) {
  return (
    <section className="card chart" data-testid="chart" aria-label={title}>
      <h3>{title}</h3>
      {empty ? <p className="empty">No data in this period.</p> : <div className="chart-body">{children}</div>}
    </section>
  );
}
