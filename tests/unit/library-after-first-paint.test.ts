// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from '@/entrypoints/library/after-first-paint';
import { FakePaintObserver as FakeObserver, setVisibility } from './fake-paint-observer';

describe('the library loads its page after the first paint is presented', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    setVisibility('visible');
  });
  afterEach(() => {
    FakeObserver.live.clear();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('waits for the first contentful paint (not the first paint), then calls once and stops observing', () => {
    const then = vi.fn();
    afterFirstPaint(then);
    FakeObserver.report('first-paint');
    expect(then).not.toHaveBeenCalled();
    FakeObserver.report('first-contentful-paint');
    expect(then).toHaveBeenCalledTimes(1);
    expect(FakeObserver.live.size).toBe(0);
    vi.advanceTimersByTime(5_000);
    setVisibility('hidden');
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('does not wait for frames of a hidden page, nor longer than its safety net', () => {
    const hidden = vi.fn();
    afterFirstPaint(hidden);
    setVisibility('hidden');
    expect(hidden).toHaveBeenCalledTimes(1);

    setVisibility('visible');
    const late = vi.fn();
    afterFirstPaint(late);
    vi.advanceTimersByTime(499);
    expect(late).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(late).toHaveBeenCalledTimes(1);
    FakeObserver.report('first-contentful-paint');
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('falls back to the safety net in a browser without Paint Timing', () => {
    vi.stubGlobal('PerformanceObserver', { supportedEntryTypes: ['mark'] });
    const then = vi.fn();
    afterFirstPaint(then);
    vi.advanceTimersByTime(500);
    expect(then).toHaveBeenCalledTimes(1);
  });
});
