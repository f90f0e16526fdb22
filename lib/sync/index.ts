/** Public surface of the sync engine (pure TypeScript; browser storage is reached only via lib/storage/sync-area.ts). */
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
