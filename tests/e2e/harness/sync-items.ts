import { createSyncEngine, type LibraryIndexEntry } from '../../../lib/sync';
import { createPrefixedArea, type RawSyncStorage } from '../../../lib/sync/prefixed-area';

/** A second device's sync engine over an in-memory storage.sync holding `items` (changed in place). */
async function anotherDevice(items: Record<string, unknown>) {
  const raw: RawSyncStorage = {
    get: async () => ({ ...items }),
    set: async (next) => void Object.assign(items, next),
    remove: async (keys) => {
      for (const key of [keys].flat()) delete items[key];
    },
    addChangeListener: () => () => undefined,
  };
  const timers = { now: () => Date.now(), setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms), clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout) };
  const engine = createSyncEngine({ area: createPrefixedArea(raw), timers });
  const arrived = await engine.start();
  return { engine, arrived };
}

/** storage.sync items exactly as another device's sync engine would write them for these saved articles. */
export async function itemsFromAnotherDevice(entries: LibraryIndexEntry | LibraryIndexEntry[]): Promise<Record<string, unknown>> {
  const items: Record<string, unknown> = {};
  const { engine } = await anotherDevice(items);
  engine.applyLocalChange(entries);
  await engine.flushNow();
  engine.stop();
  return items;
}

/** The reading list another device would read out of these storage.sync items. */
export async function entriesSeenByAnotherDevice(items: Record<string, unknown>): Promise<LibraryIndexEntry[]> {
  const { engine, arrived } = await anotherDevice({ ...items });
  engine.stop();
  return arrived;
}

/** An article as another device's library hands it to its sync engine. */
export function syncedEntry(url: string, title: string, extra: Partial<LibraryIndexEntry> = {}): LibraryIndexEntry {
  return { url, title, site: '127.0.0.1', savedAt: Date.now() - 60_000, tags: [], archived: false, favourite: false, progress: 0, deleted: false, ...extra };
}
