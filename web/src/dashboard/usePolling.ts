import { useEffect, useRef, useState } from 'react';

/** Polling interval of the live dashboard: figures are recomputed from the database every 10 s. */
export const POLL_MS = 10_000;

/** Runs `load` now and every POLL_MS while `key` stays the same; keeps the last data when a refresh fails. */
export function usePolling<T>(load: () => Promise<T>, key: string): { data?: T; error?: Error; updatedAt?: Date } {
  const [state, setState] = useState<{ data?: T; error?: Error; updatedAt?: Date }>({});
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let cancelled = false;
    const run = () =>
      loadRef.current().then(
        (data) => !cancelled && setState({ data, updatedAt: new Date() }),
        (error: Error) => !cancelled && setState((s) => ({ ...s, error })),
      );
    setState({});
    void run();
    const timer = setInterval(() => void run(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [key]);

  return state;
}
