import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThrottle, debounce } from './throttle';

describe('createThrottle', () => {
  it('passes the first call, then once per interval', () => {
    let now = 10_000;
    const gate = createThrottle(2_500, () => now);
    expect(gate.tryPass()).toBe(true);
    now += 1_000;
    expect(gate.tryPass()).toBe(false);
    now += 1_499;
    expect(gate.tryPass()).toBe(false);
    now += 1;
    expect(gate.tryPass()).toBe(true);
    expect(gate.tryPass()).toBe(false);
  });

  it('passes again right after a reset', () => {
    const gate = createThrottle(2_500, () => 0);
    expect(gate.tryPass()).toBe(true);
    gate.reset();
    expect(gate.tryPass()).toBe(true);
  });
});

describe('debounce', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls once with the latest arguments after the quiet period', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const save = debounce((text: string) => calls.push(text), 800);
    save('a');
    vi.advanceTimersByTime(500);
    save('ab');
    vi.advanceTimersByTime(799);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['ab']);
  });

  it('flush runs the pending call at once, and only once', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const save = debounce((text: string) => calls.push(text), 800);
    save('note');
    save.flush();
    vi.advanceTimersByTime(1_000);
    save.flush();
    expect(calls).toEqual(['note']);
  });

  it('cancel drops the pending call', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const save = debounce((text: string) => calls.push(text), 800);
    save('note');
    save.cancel();
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual([]);
  });
});
