/**
 * Types at the engine's boundaries: what the library hands in and gets back (LibraryIndexEntry),
 * the replicated state (SyncEntry), the storage it runs on (SyncArea) and what the UI observes (SyncStatus).
 */

/** One article as the library's index sees it. `url` is the library's normalised URL (the identity). */
export interface LibraryIndexEntry {
  url: string;
  title: string;
  site: string;
  /** Milliseconds since the Unix epoch. Synced at one-second precision. */
  savedAt: number;
  tags: string[];
  archived: boolean;
  favourite: boolean;
  /** Reading progress 0..1. Synced at 0.1 % precision. */
  progress: number;
  /** True when the article was deleted (a tombstone): the library should remove it. */
  deleted: boolean;
}

/** A last-writer-wins register: the value and the stamp of the write that set it. t = 0 is "never set". */
export interface Register<T> {
  v: T;
  t: number;
}

/**
 * The replicated state of one article. Every field is its own LWW register, so concurrent edits to
 * different fields all survive; tags are a map tag → presence register, so concurrent additions of
 * different tags both survive. `deletedAt` is the stamp of the latest delete. Canonical form: every
 * register with t ≤ deletedAt is reset to "never set" (the delete wins over it); see entry-merge.ts.
 */
export interface SyncEntry {
  url: string;
  /** v = savedAt in whole seconds since the Unix epoch; t = stamp of the save. */
  saved: Register<number>;
  title: Register<string>;
  site: Register<string>;
  archived: Register<boolean>;
  favourite: Register<boolean>;
  /** v = progress in thousandths. */
  progress: Register<number>;
  tags: Record<string, Register<boolean>>;
  deletedAt: number;
}

export type SyncState = Map<string, SyncEntry>;

/** The engine's view of storage.sync: only keys under its own prefix; see prefixed-area.ts. */
export interface SyncArea {
  getAll(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Bytes and items used by keys outside the prefix (preferences, other modules). */
  foreignUsage(): Promise<{ bytes: number; items: number }>;
  /** Called with changed own-prefix keys (newValue undefined = removed). Returns an unsubscribe. */
  onChanged(listener: (changes: Record<string, { newValue?: unknown }>) => void): () => void;
}

/** Time and timers, injected so tests run on a fake clock. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the UI can show: whether changes wait to be written, why the last write failed, how much fits. */
export interface SyncStatus {
  pending: boolean;
  lastError: string | null;
  /** When the next retry is due (ms, the Timers clock), or null. */
  retryAt: number | null;
  /** Live articles included in storage.sync. */
  syncedCount: number;
  /** Live articles known locally. syncedCount < totalCount means the quota is full. */
  totalCount: number;
}
