import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (for ticking waiting times and typing timeouts). */
export function useNow(intervalMs: number = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
