import { isLive, mergeInto, newestStamp } from './entry-merge';
import type { HybridClock } from './hybrid-clock';
import { decodeItem } from './item-codec';
import { libraryEntriesEqual, toLibraryEntry } from './library-view';
import type { LibraryIndexEntry, SyncEntry, SyncState } from './types';

export interface RemoteMergeResult {
  /** What the library must apply: upserts, and `deleted: true` entries to remove. */
  changes: LibraryIndexEntry[];
  /** URLs present in the items merged. */
  seen: string[];
  malformed: number;
}

/**
 * Merges storage.sync data items into the state (in place) and returns the library changes that
 * result. Items may arrive in any order, repeatedly, or partially: merge is idempotent and commutative.
 * An article missing from storage.sync is never deleted locally (it may simply not fit the quota);
 * only a tombstone deletes.
 */
export function onRemoteState(state: SyncState, itemValues: Iterable<unknown>, clock: HybridClock): RemoteMergeResult {
  const changes = new Map<string, LibraryIndexEntry>();
  const seen: string[] = [];
  let malformed = 0;
  for (const value of itemValues) {
    const decoded = decodeItem(value);
    malformed += decoded.malformed;
    const before = new Map(decoded.entries.map((e) => [e.url, state.get(e.url)]));
    for (const e of decoded.entries) {
      clock.observe(newestStamp(e));
      seen.push(e.url);
    }
    for (const url of mergeInto(state, decoded.entries)) {
      const merged = state.get(url) as SyncEntry;
      const prior = before.get(url);
      const after = toLibraryEntry(merged);
      if (prior ? !libraryEntriesEqual(toLibraryEntry(prior), after) : isLive(merged)) changes.set(url, after);
    }
  }
  return { changes: [...changes.values()], seen, malformed };
}
