import { describe, expect, it } from 'vitest';
import { article } from './sync-fixtures';
import { memoryStateStore, Simulation } from './sync-simulator';

const URL0 = article(0).url;

describe('sync engine lifecycle', () => {
  it('keeps its stamps across a restart, so an old edit made before it does not win afterwards', async () => {
    const sim = new Simulation(3);
    const store = memoryStateStore();
    const a = await sim.addDevice('a', 0, store);
    const b = await sim.addDevice('b');
    a.save(article(0));
    await sim.quiesce();
    a.goOffline();
    a.edit(URL0, { progress: 0.2 }); // written locally, offline
    await sim.run(10_000);
    b.edit(URL0, { progress: 0.7 }); // later, elsewhere
    await sim.quiesce();
    expect(store.saves).toBeGreaterThan(0);
    await a.restart();
    await a.goOnline();
    await sim.quiesce();
    expect(a.library.get(URL0)?.progress).toBe(0.7);
    expect(b.library.get(URL0)?.progress).toBe(0.7);
    expect(a.engine.status().pending).toBe(false);
  });

  it('on first run with an existing library, lets edits made elsewhere since the save win', async () => {
    const sim = new Simulation(4);
    const a = await sim.addDevice('a');
    const savedAt = sim.clock.now - 86_400_000;
    a.save(article(0, { savedAt }));
    await sim.quiesce();
    a.edit(URL0, { archived: true, tags: ['x'] });
    await sim.quiesce();
    // Device b is installed offline and already has the article (from an import, say).
    const b = await sim.addDevice('b', 0, undefined, { offline: true });
    const imported = { ...article(0), savedAt, deleted: false, archived: false, favourite: true, tags: ['reading', 'from-import'] };
    b.library.set(URL0, imported);
    b.engine.seedLocal([imported]);
    await b.goOnline();
    await sim.quiesce();
    for (const d of [a, b]) {
      // Seeded values are dated at savedAt; everything device a wrote (its save, the archive, the
      // removal of "reading") came later and wins. The import's extra tag was never removed anywhere,
      // so it is kept (tags merge per tag).
      expect(d.library.get(URL0)).toMatchObject({ archived: true, favourite: false });
      expect(d.library.get(URL0)?.tags.sort()).toEqual(['from-import', 'x']);
    }
  });

  it('stops writing and says why when storage.sync holds a newer format', async () => {
    const sim = new Simulation(5);
    const a = await sim.addDevice('a');
    await a.storage.set({ 'folio:s:m': { v: 99 } });
    a.save(article(1));
    await sim.quiesce();
    expect(a.engine.status().lastError).toMatch(/newer/);
    expect(a.storage.local.get('folio:s:m')?.value).toEqual({ v: 99 });
    expect([...a.storage.local.keys()]).toEqual(['folio:s:m']);
  });
});

describe('sync engine when storage.sync cannot be read', () => {
  it('reports the failure instead of throwing, does not write, and recovers on the next read', async () => {
    const sim = new Simulation(6);
    const a = await sim.addDevice('a');
    a.save(article(2));
    await sim.quiesce();
    const serverBefore = JSON.stringify([...sim.server.items]);
    const get = a.storage.get.bind(a.storage);
    a.storage.get = () => Promise.reject(new Error('sync is disabled'));
    expect(await a.engine.resync()).toEqual([]);
    a.edit(article(2).url, { archived: true });
    await sim.quiesce();
    expect(a.engine.status().lastError).toMatch(/could not be read: sync is disabled/);
    expect(JSON.stringify([...sim.server.items])).toBe(serverBefore);
    a.storage.get = get;
    await a.engine.resync();
    await sim.quiesce();
    expect(a.engine.status()).toMatchObject({ lastError: null, pending: false, syncedCount: 1 });
    expect(JSON.stringify([...sim.server.items])).not.toBe(serverBefore);
  });
});
