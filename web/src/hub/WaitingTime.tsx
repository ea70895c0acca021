import { useNow } from './useNow';
import { formatWaiting, waitingSecondsAt } from './waitingTime';

export interface WaitingTimeProps {
  waitingSeconds: number;
  receivedAt: number;
}

/** Ticks every second; the accessible text only changes once a minute would matter to a listener. */
export function WaitingTime({ waitingSeconds, receivedAt }: WaitingTimeProps) {
  const now = useNow(1_000);
  const seconds = waitingSecondsAt(waitingSeconds, receivedAt, now);
  return (
    <span className="hub-waiting" data-testid="waiting-time">
      <span className="hub-waiting__label">Waiting </span>
      <time dateTime={`PT${seconds}S`}>{formatWaiting(seconds)}</time>
    </span>
  );
}
