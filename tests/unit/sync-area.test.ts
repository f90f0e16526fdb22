import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBrowserSyncArea } from '../../lib/storage/sync-area';

describe('storage.sync adapter', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads and reports only the engine\'s own keys, and measures the others', async () => {
    await fakeBrowser.storage.sync.set({ 'sync:prefs:theme': 'dark', 'folio:s:0.0': [[], [], []] });
    const area = createBrowserSyncArea();
    expect(await area.getAll()).toEqual({ 'folio:s:0.0': [[], [], []] });
    expect(await area.foreignUsage()).toEqual({ bytes: 'sync:prefs:theme'.length + '"dark"'.length, items: 1 });
    const seen: string[] = [];
    const off = area.onChanged((changes) => seen.push(...Object.keys(changes)));
    await fakeBrowser.storage.sync.set({ 'sync:prefs:theme': 'light', 'folio:s:m': { v: 1 } });
    off();
    expect(seen).toEqual(['folio:s:m']);
  });

  it('refuses to write or remove keys outside its prefix', async () => {
    const area = createBrowserSyncArea();
    await expect(area.set({ 'sync:prefs:theme': 'x' })).rejects.toThrow(/outside/);
    await expect(area.remove(['sync:prefs:theme'])).rejects.toThrow(/outside/);
    await area.set({ 'folio:s:1.0': [[], [], []] });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ 'folio:s:1.0': [[], [], []] });
  });
});
