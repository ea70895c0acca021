/** Quick retries first, then every 30 s for as long as the page is open: an agent's desk should come back by itself. */
const FIRST_DELAYS_MS = [0, 2_000, 5_000, 10_000, 20_000];
const STEADY_DELAY_MS = 30_000;

export function reconnectDelayMs(previousRetryCount: number): number {
  return FIRST_DELAYS_MS[previousRetryCount] ?? STEADY_DELAY_MS;
}
