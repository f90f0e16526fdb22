import { SYNC_EPOCH_MS } from './constants';

/**
 * Stamps are integers: milliseconds since SYNC_EPOCH_MS, bumped by one whenever the wall clock has not
 * moved past the last stamp issued or seen (a hybrid logical clock with the counter folded into the
 * milliseconds). Each device's stamps strictly increase and exceed every stamp it has observed, so a
 * write made after seeing another is always ordered after it, whatever the devices' clock skew.
 * Equal stamps from two devices are possible; merge breaks such ties by value (see entry-merge.ts),
 * which keeps ordering total and deterministic without spending bytes on a device id in every stamp.
 */
export interface HybridClock {
  next(): number;
  observe(stamp: number): void;
  last(): number;
}

export function createHybridClock(now: () => number, initialLast = 0): HybridClock {
  let lastStamp = initialLast;
  return {
    next() {
      lastStamp = Math.max(now() - SYNC_EPOCH_MS, lastStamp + 1, 1);
      return lastStamp;
    },
    observe(stamp) {
      if (stamp > lastStamp) lastStamp = stamp;
    },
    last: () => lastStamp,
  };
}

/** The stamp a first seeding uses for a value dated `ms`: its own date, never in the future, so any
 * edit another device made after that date wins over the seeded value. */
export function stampForWallTime(ms: number, nowMs: number): number {
  return Math.max(1, Math.min(ms, nowMs) - SYNC_EPOCH_MS);
}
