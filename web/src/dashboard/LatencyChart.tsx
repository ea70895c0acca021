import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from './chartData';
import { ChartCard } from './ChartCard';

/** Answer latency p50 and p95 per bucket. */
export function LatencyChart({ rows }: { rows: ChartRow[] }) {
  return (
    <ChartCard title="Answer latency (ms)">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis fontSize={11} />
          <Tooltip />
          <Legend />
          <Line type="linear" dataKey="p50" stroke="#1565c0" dot={false} connectNulls isAnimationActive={false} />
          <Line type="linear" dataKey="p95" stroke="#ef6c00" dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
