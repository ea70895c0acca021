import { PRESETS, presetFilters, type Filters, type Preset } from './query';

/** Period presets and the route filter; shows the period and when the figures were last refreshed. */
export function FilterBar(props: { filters: Filters; routes: string[]; updatedAt?: Date; onChange: (filters: Filters) => void; onSignOut: () => void }) {
  const { filters, routes, updatedAt, onChange, onSignOut } = props;
  return (
    <div className="filters" data-testid="filters">
      <div className="presets">
        {(Object.keys(PRESETS) as Preset[]).map((preset) => (
          <button key={preset} type="button" onClick={() => onChange(presetFilters(preset, new Date(), filters.route))}>
            {preset}
          </button>
        ))}
      </div>
      <span className="period">
        {filters.from.toISOString().slice(0, 16).replace('T', ' ')} – {filters.to.toISOString().slice(0, 16).replace('T', ' ')} UTC
      </span>
      <label>
        Route{' '}
        <select value={filters.route} onChange={(e) => onChange({ ...filters, route: e.target.value })} data-testid="route-filter">
          <option value="">all</option>
          {routes.map((route) => (
            <option key={route} value={route}>
              {route}
            </option>
          ))}
        </select>
      </label>
      <span className="live" title="Refreshed every 10 seconds">
        {updatedAt ? `live · ${updatedAt.toLocaleTimeString()}` : 'loading…'}
      </span>
      <button type="button" className="link" onClick={onSignOut}>
        Sign out
      </button>
    </div>
  );
}
