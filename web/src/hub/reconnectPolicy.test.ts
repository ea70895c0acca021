import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './reconnectPolicy';

describe('reconnectDelayMs', () => {
  it('retries at once, then backs off to every 30 s and never gives up', () => {
    expect([0, 1, 2, 3, 4, 5, 50, 10_000].map(reconnectDelayMs)).toEqual([0, 2_000, 5_000, 10_000, 20_000, 30_000, 30_000, 30_000]);
  });
});
