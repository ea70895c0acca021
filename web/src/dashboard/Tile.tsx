import { change, formatChange } from './figures';

/** One headline figure with its change against the previous period. */
export function Tile(props: { title: string; value: string; current?: number; previous?: number; higherIsBetter?: boolean; note?: string }) {
  const { title, value, current, previous, higherIsBetter = true, note } = props;
  const c = change(current, previous, higherIsBetter);
  const text = formatChange(c);
  return (
    <div className="tile" data-testid="tile">
      <div className="tile-title">{title}</div>
      <div className="tile-value">{value}</div>
      <div className={`tile-change ${c.good === undefined ? '' : c.good ? 'good' : 'bad'}`}>
        {text && <span>{text} vs previous</span>}
        {note && <span className="note">{note}</span>}
      </div>
    </div>
  );
}
