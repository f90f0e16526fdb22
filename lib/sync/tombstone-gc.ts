import { SYNC_EPOCH_MS, TOMBSTONE_HORIZON_MS } from './constants';
import { isLive, newestStamp } from './entry-merge';
import type { SyncState } from './types';

/**
 * Safe-enough tombstone collection without tracking which devices have seen what:
 * - a deleted article whose newest stamp is older than the horizon (30 days) is dropped, and so is a
 *   removed-tag marker older than the horizon;
 * - every device applies the same rule to what it writes, so collected tombstones do not come back;
 * - the one hazard, a device offline for longer than the horizon re-uploading an article deleted (and
 *   collected) meanwhile, is handled when it returns (engine start, "rejoin"): its entries that are
 *   absent from storage.sync and untouched since its last contact are held back from upload (kept
 *   local, never deleted, since absence may also mean "did not fit the quota").
 * Returns the number of entries dropped.
 */
export function collectTombstones(state: SyncState, nowMs: number): number {
  const cutoff = nowMs - SYNC_EPOCH_MS - TOMBSTONE_HORIZON_MS;
  let dropped = 0;
  for (const [url, entry] of state) {
    if (!isLive(entry)) {
      if (newestStamp(entry) < cutoff) {
        state.delete(url);
        dropped++;
      }
      continue;
    }
    const kept = Object.entries(entry.tags).filter(([, r]) => r.v || r.t >= cutoff);
    // Replace, never mutate: entries are immutable (the layout cache relies on it).
    if (kept.length < Object.keys(entry.tags).length) state.set(url, { ...entry, tags: Object.fromEntries(kept) });
  }
  return dropped;
}
