import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '@/lib/reading/debounce';

describe('debounce (find in article waits for a pause in typing)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs only the last call of a burst, once the burst has paused', () => {
    const runs: string[] = [];
    const typing = debounce((query: string) => runs.push(query), 150);
    for (const query of ['b', 'br', 'bri', 'brid', 'bridge']) {
      typing.call(query);
      vi.advanceTimersByTime(100);
    }
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(runs).toEqual(['bridge']);
    vi.advanceTimersByTime(1_000);
    expect(runs).toEqual(['bridge']);
  });

  it('flush runs the waiting call at once (Enter right after typing), and only once', () => {
    const runs: string[] = [];
    const typing = debounce((query: string) => runs.push(query), 150);
    expect(typing.flush()).toBe(false);
    typing.call('steel');
    expect(typing.flush()).toBe(true);
    expect(runs).toEqual(['steel']);
    vi.advanceTimersByTime(1_000);
    expect(runs).toEqual(['steel']);
  });

  it('cancel drops the waiting call', () => {
    const runs: string[] = [];
    const typing = debounce((query: string) => runs.push(query), 150);
    typing.call('gone');
    typing.cancel();
    vi.advanceTimersByTime(1_000);
    expect(typing.flush()).toBe(false);
    expect(runs).toEqual([]);
  });
});
