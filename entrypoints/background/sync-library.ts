import Dexie from 'dexie';
import { libraryDb } from '@/lib/storage/db';
import { applyRemoteEntries, listChangedSince } from '@/lib/storage/library-repo-sync';
import type { ArticleRecord } from '@/lib/storage/schema';
import { browserTimers, createBrowserSyncArea, createLocalStateStore } from '@/lib/storage/sync-area';
import { syncStatusItem } from '@/lib/storage/sync-status-item';
import { createSyncEngine, toLibraryEntry, type LibraryIndexEntry } from '@/lib/sync';
import { tombstoneEntry, toIndexEntry, toRemoteChanges } from './sync-entry-mapping';

/** Library edits (any page: Dexie broadcasts them) are handed to the engine after this quiet time. */
const PUMP_DELAY_MS = 500;

/**
 * Wires the library to the sync engine (lib/sync): other devices' changes go into the library (index
 * only; bodies download on first open), and every library change goes to the engine. One queue runs
 * both directions in turn, so a remote change is never applied over a local edit the engine has not seen.
 */
export async function startLibrarySync(): Promise<void> {
  const db = libraryDb();
  const store = createLocalStateStore();
  const firstRun = (await store.load().catch(() => null)) === null;
  const engine = createSyncEngine({ area: createBrowserSyncArea(), timers: browserTimers, store });
  engine.onStatus((status) => void syncStatusItem.setValue(status));

  let since = -1;
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((error) => console.warn('Folio sync:', error));
    return queue;
  };

  /** Everything changed in the library since the last pump, to the engine. */
  async function pumpLocal(): Promise<void> {
    const changed = await listChangedSince(db, since);
    if (!changed.ok) return;
    since = changed.value.until;
    const entries = [...changed.value.entries.map(toIndexEntry), ...changed.value.tombstones.map(tombstoneEntry)];
    if (entries.length > 0) engine.applyLocalChange(entries);
  }

  async function applyRemote(changes: LibraryIndexEntry[]): Promise<void> {
    if (changes.length === 0) return;
    // Take the engine's current view: it already includes any local edit pumped just before.
    const current = new Map(engine.entries().map((entry) => [entry.url, toLibraryEntry(entry)]));
    const latest = changes.map((change) => current.get(change.url) ?? change);
    const records = await db.articles.bulkGet(latest.map((change) => change.url));
    const locals = new Map(records.filter((r): r is ArticleRecord => r !== undefined).map((r) => [r.id, r]));
    const result = await applyRemoteEntries(db, toRemoteChanges(latest, locals, Date.now()));
    if (!result.ok) console.warn('Folio sync: could not apply remote changes', result.error.message);
  }

  // Order matters (the engine's note): start()'s changes first, then the whole library.
  const started = await engine.start();
  await inTurn(() => applyRemote(started));
  if (firstRun) {
    const all = await listChangedSince(db, -1);
    if (all.ok) engine.seedLocal(all.value.entries.map(toIndexEntry));
  }
  await inTurn(pumpLocal);

  engine.onRemoteState((changes) => void inTurn(async () => {
    await pumpLocal();
    await applyRemote(changes);
  }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  Dexie.on('storagemutated', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void inTurn(pumpLocal), PUMP_DELAY_MS);
  });
  globalThis.addEventListener?.('online', () => void inTurn(async () => applyRemote(await engine.resync())));
}
