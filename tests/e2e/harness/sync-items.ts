import { createSyncEngine, type LibraryIndexEntry } from '../../../lib/sync';
import { createPrefixedArea, type RawSyncStorage } from '../../../lib/sync/prefixed-area';

/** storage.sync items exactly as another device's sync engine would write them for these saved articles. */
export async function itemsFromAnotherDevice(entries: LibraryIndexEntry | LibraryIndexEntry[]): Promise<Record<string, unknown>> {
  const items: Record<string, unknown> = {};
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
  await engine.start();
  engine.applyLocalChange(entries);
  await engine.flushNow();
  engine.stop();
  return items;
}

/** An article as another device's library hands it to its sync engine. */
export function syncedEntry(url: string, title: string, extra: Partial<LibraryIndexEntry> = {}): LibraryIndexEntry {
  return { url, title, site: '127.0.0.1', savedAt: Date.now() - 60_000, tags: [], archived: false, favourite: false, progress: 0, deleted: false, ...extra };
}
