import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from './chartData';
import { ChartCard } from './ChartCard';

/** Conversations by outcome, bucket by bucket (stacked). */
export function OutcomeChart({ rows }: { rows: ChartRow[] }) {
  return (
    <ChartCard title="Conversations by outcome">
      <ResponsiveContainer width="100%" height={240}>
        <AreaChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          <Area type="monotone" dataKey="automated" stackId="1" stroke="#2e7d32" fill="#81c784" name="automated" isAnimationActive={false} />
          <Area type="monotone" dataKey="assisted" stackId="1" stroke="#1565c0" fill="#64b5f6" name="assisted" isAnimationActive={false} />
          <Area type="monotone" dataKey="unresolved" stackId="1" stroke="#c62828" fill="#e57373" name="unresolved" isAnimationActive={false} />
          <Area type="monotone" dataKey="pending" stackId="1" stroke="#757575" fill="#bdbdbd" name="pending" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
