import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from './ChartCard';
import type { CountItem } from './types';

/** A horizontal bar per key (escalation reasons, answer sources, ...). */
export function CountBars({ title, items, colour = '#5c6bc0' }: { title: string; items: CountItem[]; colour?: string }) {
  return (
    <ChartCard title={title} empty={items.every((i) => i.count === 0)}>
      <ResponsiveContainer width="100%" height={Math.max(120, items.length * 32 + 40)}>
        <BarChart data={items} layout="vertical" margin={{ left: 40 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} fontSize={11} />
          <YAxis type="category" dataKey="key" width={130} fontSize={11} />
          <Tooltip />
          <Bar dataKey="count" fill={colour} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
