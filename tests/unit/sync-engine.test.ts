import { describe, expect, it } from 'vitest';
import { KEY_PREFIX } from '../../lib/sync';
import { article, storedUrls } from './sync-fixtures';
import { QUOTA, Simulation, type SimDevice } from './sync-simulator';

const URL0 = article(0).url;

async function pair(seed = 1) {
  const sim = new Simulation(seed);
  const a = await sim.addDevice('a');
  const b = await sim.addDevice('b');
  return { sim, a, b };
}

function view(d: SimDevice) {
  return [...d.library.values()].map((e) => ({ ...e, tags: [...e.tags].sort() })).sort((x, y) => (x.url < y.url ? -1 : 1));
}

describe('sync engine across simulated devices', () => {
  it('shows an article saved on one device in the other device\'s library', async () => {
    const { sim, a, b } = await pair();
    const saved = a.save(article(0));
    await sim.quiesce();
    expect(b.library.get(URL0)).toMatchObject({ title: saved.title, site: saved.site, tags: ['reading', 'work'], deleted: false });
    expect(b.library.get(URL0)?.savedAt).toBe(Math.floor(saved.savedAt / 1000) * 1000);
    expect(b.engine.status()).toMatchObject({ syncedCount: 1, totalCount: 1, pending: false, lastError: null });
  });

  it('keeps both edits when two devices change different fields at the same time', async () => {
    const { sim, a, b } = await pair();
    a.save(article(0, { tags: ['news'] }));
    await sim.quiesce();
    a.goOffline();
    b.goOffline();
    a.edit(URL0, { tags: ['news', 'later'] });
    b.edit(URL0, { archived: true, progress: 0.42 });
    await sim.run(60_000);
    await a.goOnline();
    await b.goOnline();
    await sim.quiesce();
    for (const d of [a, b]) expect(d.library.get(URL0)).toMatchObject({ tags: ['later', 'news'], archived: true, progress: 0.42 });
  });

  it('keeps concurrent tag additions from both devices, and a removal', async () => {
    const { sim, a, b } = await pair();
    a.save(article(0, { tags: ['x', 'y'] }));
    await sim.quiesce();
    a.goOffline();
    b.goOffline();
    a.edit(URL0, { tags: ['x', 'y', 'from-a'] });
    b.edit(URL0, { tags: ['x', 'from-b'] }); // adds from-b, removes y
    await a.goOnline();
    await b.goOnline();
    await sim.quiesce();
    expect(view(a)).toEqual(view(b));
    expect(a.library.get(URL0)?.tags.sort()).toEqual(['from-a', 'from-b', 'x']);
  });

  it('lets the later write win when both devices change the same field', async () => {
    const { sim, a, b } = await pair();
    a.save(article(0));
    await sim.quiesce();
    a.goOffline();
    b.goOffline();
    a.edit(URL0, { progress: 0.3 });
    await sim.run(5_000);
    b.edit(URL0, { progress: 0.9 });
    await b.goOnline();
    await a.goOnline();
    await sim.quiesce();
    expect(a.library.get(URL0)?.progress).toBe(0.9);
    expect(b.library.get(URL0)?.progress).toBe(0.9);
  });

  it('lets a delete win over older edits, and a newer save bring the article back', async () => {
    const { sim, a, b } = await pair();
    a.save(article(0));
    await sim.quiesce();
    a.goOffline();
    b.goOffline();
    b.edit(URL0, { archived: true }); // older than the delete
    await sim.run(1_000);
    a.remove(URL0);
    await a.goOnline();
    await b.goOnline();
    await sim.quiesce();
    expect(a.library.has(URL0)).toBe(false);
    expect(b.library.has(URL0)).toBe(false);

    b.save(article(0, { title: 'Saved again' }));
    await sim.quiesce();
    for (const d of [a, b]) {
      // The archive happened before the delete, so the resurrected article starts fresh.
      expect(d.library.get(URL0)).toMatchObject({ title: 'Saved again', archived: false, deleted: false });
    }
  });

  it('resurrects when the save newer than the delete was made offline without seeing it', async () => {
    const { sim, a, b } = await pair();
    a.save(article(0));
    await sim.quiesce();
    b.goOffline();
    a.remove(URL0);
    await sim.run(30_000);
    b.save(article(0, { tags: ['again'] }));
    await b.goOnline();
    await sim.quiesce();
    expect(a.library.get(URL0)?.tags).toEqual(['again']);
    expect(b.library.get(URL0)?.tags).toEqual(['again']);
  });

  it('syncs the most recent articles that fit when the library outgrows the quota, and says how many', async () => {
    const { sim, a, b } = await pair();
    const total = 1_500;
    for (let i = 0; i < total; i++) {
      a.save(article(i, { savedAt: sim.clock.now + i * 1_000 }));
    }
    await sim.quiesce();
    const status = a.engine.status();
    expect(status.totalCount).toBe(total);
    expect(status.syncedCount).toBeGreaterThan(200);
    expect(status.syncedCount).toBeLessThan(total);
    expect(status.lastError).toBeNull();
    // The other device has exactly the newest `syncedCount` articles.
    const expected = Array.from({ length: status.syncedCount }, (_, k) => article(total - 1 - k).url).sort();
    expect([...b.library.keys()].sort()).toEqual(expected);
    expect(a.storage.bytesInUse()).toBeLessThanOrEqual(QUOTA.bytes - 16_384);
    expect(a.storage.rejections).toEqual([]);
    // A newer save pushes the oldest synced article out, and the other device keeps it locally.
    const oldestSynced = article(total - status.syncedCount).url;
    a.save(article(total, { savedAt: sim.clock.now + total * 1_000 }));
    await sim.quiesce();
    expect(b.library.has(article(total).url)).toBe(true);
    expect(b.library.has(oldestSynced)).toBe(true);
    expect(a.engine.status().syncedCount).toBeLessThanOrEqual(status.syncedCount);
  });

  it('stays under the write-rate quotas during a burst of 1,000 edits, and loses none', async () => {
    const { sim, a, b } = await pair();
    for (let i = 0; i < 50; i++) a.save(article(i));
    await sim.quiesce();
    for (let n = 0; n < 1_000; n++) {
      a.edit(article(n % 50).url, { progress: ((n % 999) + 1) / 1000 });
      await sim.run(100); // ten edits a second
    }
    await sim.quiesce();
    expect(a.storage.peakWritesPerMinute()).toBeLessThan(QUOTA.perMinute);
    expect(a.storage.rejections).toEqual([]);
    for (let i = 0; i < 50; i++) {
      const lastN = 950 + ((i - 950 % 50 + 50) % 50);
      expect(b.library.get(article(i).url)?.progress).toBe(((lastN % 999) + 1) / 1000);
    }
  });

  it('exposes a refused write and retries it later', async () => {
    const { sim, a, b } = await pair();
    // Another module spends the whole minute's write quota just before our write.
    for (let i = 0; i < QUOTA.perMinute; i++) await a.storage.set({ 'sync:prefs:counter': i });
    a.save(article(1));
    await sim.run(3_000);
    const status = a.engine.status();
    expect(status.lastError).toContain('MAX_WRITE_OPERATIONS_PER_MINUTE');
    expect(status.pending).toBe(true);
    expect(status.retryAt).toBeGreaterThanOrEqual(sim.clock.now + 50_000);
    await sim.quiesce();
    expect(a.engine.status()).toMatchObject({ lastError: null, pending: false, syncedCount: 1 });
    expect(b.library.has(article(1).url)).toBe(true);
  });

  it('makes room when preferences grow past their reserve, and never touches their keys', async () => {
    const { sim, a, b } = await pair();
    const N = 1_500;
    for (let i = 0; i < 10; i++) a.save(article(i, { savedAt: sim.clock.now + i * 1_000 }));
    await sim.quiesce();
    // Preferences grow to 24 KiB (more than the 16 KiB reserve) on the other device.
    const prefs: Record<string, string> = {};
    for (let i = 0; i < 4; i++) prefs[`sync:prefs:big${i}`] = 'p'.repeat(6_000);
    await b.storage.set(prefs);
    await sim.quiesce();
    // The library now grows past what is left: the engine measures the preferences before writing.
    for (let i = 10; i < N; i++) a.save(article(i, { savedAt: sim.clock.now + i * 1_000 }));
    await sim.quiesce();
    expect(a.storage.rejections).toEqual([]);
    const after = a.engine.status();
    expect(after).toMatchObject({ lastError: null, pending: false, totalCount: N });
    expect(after.syncedCount).toBeLessThan(N);
    for (const d of [a, b]) {
      for (const [key, value] of Object.entries(prefs)) expect(d.storage.local.get(key)?.value).toBe(value);
      expect(d.storage.bytesInUse()).toBeLessThanOrEqual(QUOTA.bytes);
    }
    // The newest that fit arrived; the 10 first articles, synced earlier and now out of the quota, stay.
    for (let k = 0; k < after.syncedCount; k++) expect(b.library.has(article(N - 1 - k).url)).toBe(true);
    expect(b.library.size).toBe(after.syncedCount + 10);
  });

  it('catches up a device that returns after 10,000 changes elsewhere, keeping its offline edits', async () => {
    const sim = new Simulation(7);
    const a = await sim.addDevice('a');
    const b = await sim.addDevice('b', 3_000);
    const c = await sim.addDevice('c', -2_000);
    for (let i = 0; i < 120; i++) a.save(article(i));
    await sim.quiesce();
    c.goOffline();
    c.edit(article(5).url, { favourite: true });
    c.edit(article(6).url, { tags: ['offline-tag'] });
    let changes = 0;
    while (changes < 10_000) {
      const d = changes % 2 === 0 ? a : b;
      const i = changes % 120;
      if (i === 7) d.edit(article(i).url, { archived: !d.library.get(article(i).url)?.archived });
      else d.edit(article(i).url, { progress: (changes % 1000) / 1000 });
      changes++;
      if (changes % 20 === 0) await sim.run(1_000);
    }
    await sim.quiesce();
    await c.goOnline();
    expect(await sim.quiesce()).toBe(true);
    expect(view(c)).toEqual(view(a));
    expect(view(b)).toEqual(view(a));
    expect(a.library.get(article(5).url)?.favourite).toBe(true);
    expect(a.library.get(article(6).url)?.tags).toEqual(['offline-tag']);
    for (const d of [a, b, c]) {
      expect(d.storage.rejections).toEqual([]);
      expect(d.storage.peakWritesPerMinute()).toBeLessThan(QUOTA.perMinute);
    }
  });

  it('collects old tombstones, and a device back after the horizon does not resurrect them', async () => {
    const { sim, a, b } = await pair();
    a.save(article(0));
    a.save(article(1));
    await sim.quiesce();
    b.goOffline();
    a.remove(URL0);
    await sim.quiesce();
    expect(storedUrls(a.storage.local)).toContain(URL0); // the tombstone
    await sim.run(31 * 24 * 3_600_000);
    a.edit(article(1).url, { archived: true }); // triggers a write, which collects the old tombstone
    await sim.quiesce();
    expect(storedUrls(a.storage.local)).not.toContain(URL0);
    await b.goOnline();
    await sim.quiesce();
    expect(a.library.has(URL0)).toBe(false);
    expect(b.library.get(article(1).url)?.archived).toBe(true);
    expect(storedUrls(sim.server.items)).not.toContain(URL0);
    expect([...a.storage.local.keys()].every((k) => k.startsWith(KEY_PREFIX))).toBe(true);
  });
});
