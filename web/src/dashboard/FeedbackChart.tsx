import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from './chartData';
import { ChartCard } from './ChartCard';

/** Ratings of answers, corrections and learned answers used, per bucket. */
export function FeedbackChart({ rows }: { rows: ChartRow[] }) {
  return (
    <ChartCard title="Ratings and learning">
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          <Bar dataKey="thumbsUp" name="👍" fill="#66bb6a" isAnimationActive={false} />
          <Bar dataKey="thumbsDown" name="👎" fill="#ef5350" isAnimationActive={false} />
          <Line dataKey="corrections" stroke="#6a1b9a" dot={false} isAnimationActive={false} />
          <Line dataKey="learned" name="learned answers used" stroke="#00838f" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
