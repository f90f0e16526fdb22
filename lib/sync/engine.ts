import {
  FORMAT_VERSION,
  MANIFEST_KEY,
  MAX_ITEMS,
  QUOTA_BYTES,
  RESERVED_FOREIGN_BYTES,
  RESERVED_FOREIGN_ITEMS,
  SAFETY_BYTES,
  SYNC_EPOCH_MS,
  TOMBSTONE_HORIZON_MS,
} from './constants';
import { itemBytes } from './byte-size';
import { canonicalize, entriesEqual, isLive, newestStamp } from './entry-merge';
import { createHybridClock, type HybridClock } from './hybrid-clock';
import { decodeItem, isDataKey, readManifestVersion } from './item-codec';
import { computeLayout, LayoutCache, type Layout } from './layout';
import { applyLocalChange, seedLocalEntries } from './local-change';
import { onRemoteState } from './remote-state';
import { collectTombstones } from './tombstone-gc';
import type { LibraryIndexEntry, SyncArea, SyncEntry, SyncState, SyncStatus, Timers } from './types';
import { DEFAULT_SCHEDULER_OPTIONS, WriteScheduler, type PreparedWrite, type SchedulerOptions } from './write-scheduler';

/**
 * The sync engine: the replicated state, storage.sync through a SyncArea, and the write scheduler.
 * Local changes go in with applyLocalChange; remote changes come out through onRemoteState listeners;
 * status() says what the UI should show. The engine's own state (stamps, tombstones) is kept across
 * restarts through a StateStore, because the library alone does not remember per-field stamps.
 */

export interface PersistedSyncState {
  v: 1;
  clock: number;
  /** Wall time (ms) this device last read storage.sync. */
  lastContact: number;
  /** Rejoin rule (tombstone-gc.ts): entries untouched since this stamp are uploaded only if storage.sync has them. */
  rejoinBefore: number;
  entries: SyncEntry[];
}

export interface StateStore {
  load(): Promise<PersistedSyncState | null>;
  save(state: PersistedSyncState): Promise<void>;
}

export interface SyncEngineOptions {
  area: SyncArea;
  timers: Timers;
  store?: StateStore;
  scheduler?: Partial<SchedulerOptions>;
}

type ChangeListener = (changes: LibraryIndexEntry[]) => void;

export class SyncEngine {
  private readonly state: SyncState = new Map();
  /** Own-prefix items as storage.sync holds them (JSON), to write only what differs. */
  private readonly mirror = new Map<string, string>();
  private rejoinBefore = 0;
  private readonly clock: HybridClock;
  private readonly layoutCache = new LayoutCache();
  private readonly scheduler: WriteScheduler;
  private readonly changeListeners = new Set<ChangeListener>();
  private readonly statusListeners = new Set<(s: SyncStatus) => void>();
  private foreign = { bytes: 0, items: 0 };
  private syncedCount = 0;
  private lastContact = 0;
  private formatError: string | null = null;
  private readError: string | null = null;
  private unsubscribe: (() => void) | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly options: SyncEngineOptions) {
    this.clock = createHybridClock(() => options.timers.now());
    this.scheduler = new WriteScheduler(
      options.timers,
      () => this.prepare(),
      () => this.emitStatus(),
      (message) => this.onWriteFailure(message),
      { ...DEFAULT_SCHEDULER_OPTIONS, ...options.scheduler },
    );
  }

  /** Loads saved state, reads storage.sync in full, merges it, and starts listening. */
  async start(): Promise<LibraryIndexEntry[]> {
    const saved = await this.options.store?.load().catch(() => null);
    if (saved?.v === 1) {
      for (const e of saved.entries) this.state.set(e.url, e);
      this.rejoinBefore = saved.rejoinBefore ?? 0;
      this.clock.observe(saved.clock);
      this.lastContact = saved.lastContact;
    }
    this.unsubscribe = this.options.area.onChanged((changes) => this.onAreaChanged(changes));
    return this.resync();
  }

  /** Reads the whole of storage.sync again (after being offline) and merges it. Never throws: a
   * failed read is reported in status().lastError and the changes list is empty. */
  async resync(): Promise<LibraryIndexEntry[]> {
    let items: Record<string, unknown>;
    try {
      this.foreign = await this.options.area.foreignUsage();
      items = await this.options.area.getAll();
      this.readError = null;
    } catch (error) {
      this.readError = `storage.sync could not be read: ${error instanceof Error ? error.message : String(error)}`;
      this.emitStatus();
      return [];
    }
    this.mirror.clear();
    for (const [key, value] of Object.entries(items)) this.mirror.set(key, JSON.stringify(value));
    this.touchContact();
    const changes = this.mergeItems(items);
    this.scheduler.markDirty();
    return changes.changes;
  }

  /** Records local library changes (each the article's whole entry after the change). */
  applyLocalChange(changes: LibraryIndexEntry | LibraryIndexEntry[]): void {
    let any = false;
    for (const change of Array.isArray(changes) ? changes : [changes]) {
      if (applyLocalChange(this.state, change, this.clock)) any = true;
    }
    if (any) this.scheduler.markDirty();
  }

  /** First run with an existing library: adds what the state does not know, dated at savedAt. */
  seedLocal(entries: LibraryIndexEntry[]): void {
    if (seedLocalEntries(this.state, entries, this.options.timers.now()).length > 0) this.scheduler.markDirty();
  }

  /** Subscribes to changes other devices made (the library applies them). */
  onRemoteState(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onStatus(listener: (s: SyncStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  status(): SyncStatus {
    const s = this.scheduler.state();
    let total = 0;
    for (const e of this.state.values()) if (isLive(e)) total++;
    return { pending: s.pending, lastError: this.formatError ?? this.readError ?? s.lastError, retryAt: s.retryAt, syncedCount: this.syncedCount, totalCount: total };
  }

  /** The replicated entries, live ones and tombstones (diagnostics and tests). */
  entries(): SyncEntry[] {
    return [...this.state.values()];
  }

  flushNow(): Promise<void> {
    return this.scheduler.flushNow();
  }

  /** Resolves once pending state saves have finished. */
  async idle(): Promise<void> {
    await this.saving;
  }

  stop(): void {
    this.scheduler.stop();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private onAreaChanged(changes: Record<string, { newValue?: unknown }>): void {
    const values: Record<string, unknown> = {};
    for (const [key, { newValue }] of Object.entries(changes)) {
      if (newValue === undefined) this.mirror.delete(key);
      else {
        this.mirror.set(key, JSON.stringify(newValue));
        values[key] = newValue;
      }
    }
    this.touchContact();
    this.mergeItems(values);
    // Our layout may differ from what arrived (a concurrent writer overwrote our item): write back.
    this.scheduler.markDirty();
  }

  private mergeItems(items: Record<string, unknown>): { changes: LibraryIndexEntry[]; seen: string[] } {
    const manifestVersion = readManifestVersion(items[MANIFEST_KEY]);
    if (manifestVersion !== null && manifestVersion > FORMAT_VERSION) {
      this.formatError = `storage.sync holds sync format v${manifestVersion}, newer than this version (v${FORMAT_VERSION}); not writing`;
    }
    const data = Object.entries(items)
      .filter(([key]) => isDataKey(key))
      .map(([, value]) => value);
    const result = onRemoteState(this.state, data, this.clock);
    if (result.changes.length > 0) for (const listener of this.changeListeners) listener(result.changes);
    return result;
  }

  /** Notes contact with storage.sync; after an absence longer than the tombstone horizon, arms the rejoin rule. */
  private touchContact(): void {
    const now = this.options.timers.now();
    if (this.lastContact > 0 && now - this.lastContact > TOMBSTONE_HORIZON_MS) {
      this.rejoinBefore = Math.max(this.rejoinBefore, this.lastContact - SYNC_EPOCH_MS);
    }
    this.lastContact = now;
  }

  /** Entries this device may upload: all, except (after a long absence) stale ones storage.sync lacks. */
  private eligibleEntries(): SyncEntry[] {
    const all = [...this.state.values()];
    if (this.rejoinBefore === 0) return all;
    const remote = new Set<string>();
    for (const [key, json] of this.mirror) {
      if (isDataKey(key)) for (const e of decodeItem(JSON.parse(json)).entries) remote.add(e.url);
    }
    return all.filter((e) => newestStamp(e) >= this.rejoinBefore || remote.has(e.url));
  }

  private budget(): { bytes: number; items: number } {
    const manifest = itemBytes(MANIFEST_KEY, { v: FORMAT_VERSION });
    // Rounded up to whole steps, so a preference changing by a few bytes does not move every layout.
    const step = (n: number, size: number) => Math.ceil(n / size) * size;
    return {
      bytes: QUOTA_BYTES - Math.max(RESERVED_FOREIGN_BYTES, step(this.foreign.bytes, 4_096)) - SAFETY_BYTES - manifest,
      items: MAX_ITEMS - Math.max(RESERVED_FOREIGN_ITEMS, step(this.foreign.items, 8)) - 1,
    };
  }

  /** Computes the layout and the difference from storage.sync; null when nothing needs writing. */
  private async prepare(): Promise<PreparedWrite | null> {
    // Writing before a successful read could overwrite items this device has not merged yet.
    if (this.formatError || this.readError) return null;
    // Measured before every write: devices that budget from different measurements would undo each
    // other's writes (one keeps an article the other drops).
    this.foreign = await this.options.area.foreignUsage().catch(() => this.foreign);
    const now = this.options.timers.now();
    collectTombstones(this.state, now);
    const layout = computeLayout(this.eligibleEntries(), this.budget(), this.layoutCache);
    const toSet: Record<string, unknown> = {};
    const manifest = { v: FORMAT_VERSION };
    if (this.mirror.get(MANIFEST_KEY) !== JSON.stringify(manifest)) toSet[MANIFEST_KEY] = manifest;
    for (const [key, value] of Object.entries(layout.items)) {
      if (!this.holdsSameEntries(key, layout.json[key] as string, layout.entriesByKey[key] ?? [])) toSet[key] = value;
    }
    const toRemove = [...this.mirror.keys()].filter((key) => isDataKey(key) && !(key in layout.items));
    const setCount = Object.keys(toSet).length;
    this.persist();
    if (setCount === 0 && toRemove.length === 0) {
      this.syncedCount = layout.syncedLive;
      return null;
    }
    return { ops: (setCount > 0 ? 1 : 0) + (toRemove.length > 0 ? 1 : 0), run: () => this.write(toSet, toRemove, layout) };
  }

  /** Whether storage.sync already holds these entries under `key` (byte-identical, or encoded
   * differently, e.g. by another version of the compressor: then rewriting would only ping-pong). */
  private holdsSameEntries(key: string, json: string, entries: SyncEntry[]): boolean {
    const stored = this.mirror.get(key);
    if (stored === json) return true;
    if (stored === undefined) return false;
    const decoded = decodeItem(JSON.parse(stored)).entries;
    if (decoded.length !== entries.length) return false;
    const byUrl = new Map(decoded.map((e) => [e.url, e]));
    return entries.every((e) => {
      const other = byUrl.get(e.url);
      return other !== undefined && entriesEqual(canonicalize(other), e);
    });
  }

  private async write(toSet: Record<string, unknown>, toRemove: string[], layout: Layout): Promise<void> {
    if (Object.keys(toSet).length > 0) {
      await this.options.area.set(toSet);
      for (const [key, value] of Object.entries(toSet)) this.mirror.set(key, JSON.stringify(value));
    }
    if (toRemove.length > 0) {
      await this.options.area.remove(toRemove);
      for (const key of toRemove) this.mirror.delete(key);
    }
    this.syncedCount = layout.syncedLive;
  }

  private async onWriteFailure(_message: string): Promise<void> {
    // Preferences may have grown past their reserve: measure again so the next layout leaves room.
    this.foreign = await this.options.area.foreignUsage();
  }

  private persist(): void {
    const store = this.options.store;
    if (!store) return;
    const snapshot: PersistedSyncState = {
      v: 1,
      clock: this.clock.last(),
      lastContact: this.lastContact,
      rejoinBefore: this.rejoinBefore,
      entries: [...this.state.values()],
    };
    this.saving = this.saving.then(() => store.save(snapshot)).catch(() => {});
  }

  private emitStatus(): void {
    const s = this.status();
    for (const listener of this.statusListeners) listener(s);
  }
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  return new SyncEngine(options);
}
