import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from './chartData';
import { ChartCard } from './ChartCard';

const COLOURS = ['#5c6bc0', '#26a69a', '#ffa726', '#ab47bc', '#8d6e63', '#78909c'];

/** Bot replies per route over time (stacked). */
export function RouteMixChart({ rows, routes }: { rows: ChartRow[]; routes: string[] }) {
  return (
    <ChartCard title="Route mix over time" empty={routes.length === 0}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          {routes.map((route, i) => (
            <Bar key={route} dataKey={`route:${route}`} name={route} stackId="r" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
