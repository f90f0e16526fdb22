import { describe, expect, it } from 'vitest';
import { WriteScheduler } from '../../lib/sync/write-scheduler';
import { FakeClock } from './sync-simulator';

function harness(failWith: (n: number) => string | null = () => null) {
  const clock = new FakeClock();
  const writes: number[] = [];
  let changes = 0;
  let written = 0;
  let attempts = 0;
  const scheduler = new WriteScheduler(
    clock.timersFor(0),
    async () =>
      changes === written
        ? null
        : {
            ops: 1,
            run: async () => {
              const error = failWith(attempts++);
              if (error) throw new Error(error);
              writes.push(clock.now);
              written = changes;
            },
          },
    () => {},
  );
  return {
    clock,
    writes,
    scheduler,
    change() {
      changes++;
      scheduler.markDirty();
    },
  };
}

describe('write scheduler', () => {
  it('batches a run of changes into one write after they pause', async () => {
    const h = harness();
    const t0 = h.clock.now;
    for (let i = 0; i < 5; i++) {
      h.change();
      await h.clock.advanceTo(h.clock.now + 500);
    }
    await h.clock.advanceTo(h.clock.now + 60_000);
    expect(h.writes).toEqual([t0 + 2_000 + 2_000]);
  });

  it('writes at most maxWait after the first change even if changes never pause', async () => {
    const h = harness();
    const t0 = h.clock.now;
    for (let i = 0; i < 40; i++) {
      h.change();
      await h.clock.advanceTo(h.clock.now + 500);
    }
    expect(h.writes[0]).toBe(t0 + 10_000);
    expect(h.writes.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps under 100 writes in any minute even when asked to write constantly', async () => {
    const h = harness();
    for (let i = 0; i < 600; i++) {
      h.change();
      await h.scheduler.flushNow();
      await h.clock.advanceTo(h.clock.now + 100);
    }
    await h.clock.advanceTo(h.clock.now + 600_000);
    const perMinute = h.writes.map((t, i) => h.writes.slice(i).filter((u) => u - t < 60_000).length);
    expect(Math.max(...perMinute)).toBeLessThanOrEqual(100);
  });

  it('reports a refused write, backs off (a minute for a rate error), then succeeds', async () => {
    const h = harness((n) => (n === 0 ? 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' : n === 1 ? 'QUOTA_BYTES quota exceeded' : null));
    const t0 = h.clock.now;
    h.change();
    await h.clock.advanceTo(t0 + 2_000);
    expect(h.scheduler.state()).toEqual({ pending: true, lastError: 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', retryAt: t0 + 62_000 });
    await h.clock.advanceTo(t0 + 62_000);
    expect(h.scheduler.state()).toEqual({ pending: true, lastError: 'QUOTA_BYTES quota exceeded', retryAt: t0 + 62_000 + 10_000 });
    await h.clock.advanceTo(t0 + 72_000);
    expect(h.scheduler.state()).toEqual({ pending: false, lastError: null, retryAt: null });
    expect(h.writes).toEqual([t0 + 72_000]);
  });
});
