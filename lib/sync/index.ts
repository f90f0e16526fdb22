/**
 * Sync of the library's index through storage.sync. Pure TypeScript; browser storage is reached only
 * through lib/storage/sync-area.ts. How a change travels:
 *   library → applyLocalChange (local-change.ts: stamp changed fields with the hybrid clock)
 *   → WriteScheduler (debounce 2 s, at most 10 s, rate-limit token buckets, backoff on refusal)
 *   → computeLayout (layout.ts: newest articles that fit, 16 buckets by URL hash, record-codec.ts)
 *   → SyncArea.set of the changed items only (prefixed-area.ts keeps to `folio:s:`)
 *   → other devices: onChanged → onRemoteState (remote-state.ts: decode, merge, library changes)
 * The replicated state is a per-field LWW CRDT with tombstones (entry-merge.ts); tombstones are
 * collected after 30 days (tombstone-gc.ts).
 */
export { createSyncEngine, SyncEngine, type PersistedSyncState, type StateStore, type SyncEngineOptions } from './engine';
export { applyLocalChange, seedLocalEntries } from './local-change';
export { onRemoteState, type RemoteMergeResult } from './remote-state';
export { mergeEntries, isLive } from './entry-merge';
export { toLibraryEntry } from './library-view';
export { createPrefixedArea, type RawSyncStorage } from './prefixed-area';
export { createHybridClock, type HybridClock } from './hybrid-clock';
export { computeLayout } from './layout';
export * from './constants';
export type { LibraryIndexEntry, SyncArea, SyncEntry, SyncState, SyncStatus, Timers, Register } from './types';
