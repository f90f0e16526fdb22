import { browser } from 'wxt/browser';
import { createPrefixedArea, type PersistedSyncState, type RawSyncStorage, type StateStore, type SyncArea, type Timers } from '../sync';

/**
 * The only place the sync engine touches browser storage: storage.sync narrowed to the engine's
 * prefix (`folio:s:`), and storage.local for the engine's own state (per-field stamps, tombstones).
 */

const rawSync: RawSyncStorage = {
  get: (keys) => browser.storage.sync.get(keys ?? null),
  set: (items) => browser.storage.sync.set(items),
  remove: (keys) => browser.storage.sync.remove(keys),
  addChangeListener(listener) {
    const handler = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => {
      if (areaName === 'sync') listener(changes);
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
};

export function createBrowserSyncArea(): SyncArea {
  return createPrefixedArea(rawSync);
}

const STATE_KEY = 'folio:sync-engine-state';

export function createLocalStateStore(): StateStore {
  return {
    async load() {
      const got = await browser.storage.local.get(STATE_KEY);
      const value = got[STATE_KEY] as PersistedSyncState | undefined;
      return value?.v === 1 ? value : null;
    },
    async save(state) {
      await browser.storage.local.set({ [STATE_KEY]: state });
    },
  };
}

/** Real timers for the engine. (In an MV3 service worker a pending debounce can be lost when the
 * worker stops; the engine re-plans on its next start, so nothing is lost, only delayed.) */
export const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
