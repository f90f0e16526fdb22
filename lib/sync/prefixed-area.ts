import { itemBytes } from './byte-size';
import { KEY_PREFIX } from './constants';
import type { SyncArea } from './types';

/** The part of browser.storage.sync (and storage.onChanged) the engine needs. */
export interface RawSyncStorage {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  addChangeListener(listener: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void): () => void;
}

const own = (key: string) => key.startsWith(KEY_PREFIX);

/**
 * Narrows the whole sync area to the engine's prefix: reads and change events outside it are dropped,
 * writes outside it are refused (so preferences and other modules' keys are never touched), and
 * foreign keys are only measured, for the budget.
 */
export function createPrefixedArea(raw: RawSyncStorage): SyncArea {
  const assertOwn = (keys: string[]) => {
    const stray = keys.find((k) => !own(k));
    if (stray !== undefined) throw new Error(`sync engine may not write key outside ${KEY_PREFIX}: ${stray}`);
  };
  return {
    async getAll() {
      const all = await raw.get(null);
      return Object.fromEntries(Object.entries(all).filter(([key]) => own(key)));
    },
    async set(items) {
      assertOwn(Object.keys(items));
      await raw.set(items);
    },
    async remove(keys) {
      assertOwn(keys);
      if (keys.length > 0) await raw.remove(keys);
    },
    async foreignUsage() {
      const all = await raw.get(null);
      let bytes = 0;
      let items = 0;
      for (const [key, value] of Object.entries(all)) {
        if (own(key)) continue;
        bytes += itemBytes(key, value);
        items++;
      }
      return { bytes, items };
    },
    onChanged(listener) {
      return raw.addChangeListener((changes) => {
        const mine = Object.entries(changes).filter(([key]) => own(key));
        if (mine.length > 0) listener(Object.fromEntries(mine.map(([key, c]) => [key, { newValue: c.newValue }])));
      });
    },
  };
}
