/**
 * Property: random operations on 2–4 devices, random delivery delays and order, devices going offline
 * and coming back. After quiescence every device converges to the same state and no edit is lost:
 * - for every (article, field) and every (article, tag), the final register holds the latest write to
 *   it (latest by stamp, ties broken by value) unless a delete at least as new has reset it;
 * - an article is in every library iff its latest save is newer than its latest delete;
 * - every live article shows, on every device, exactly those winning values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYNC_EPOCH_MS, type Register, type SyncEntry } from '../../lib/sync';
import { QUOTA, Simulation, type SimDevice } from './sync-simulator';

const URLS = Array.from({ length: 6 }, (_, i) => `https://news.example.com/2026/story-${i}`);
const TAGS = ['a', 'b', 'c', 'read later'];

type Op =
  | { kind: 'save'; dev: number; url: number; title: string; tags: string[] }
  | { kind: 'edit'; dev: number; url: number; field: 'archived' | 'favourite' | 'progress' | 'tags'; value: number; tags: string[] }
  | { kind: 'delete'; dev: number; url: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'offline'; dev: number }
  | { kind: 'online'; dev: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('save' as const), dev: fc.nat(3), url: fc.nat(5), title: fc.constantFrom('One', 'Two', 'Three'), tags: fc.subarray(TAGS) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      dev: fc.nat(3),
      url: fc.nat(5),
      field: fc.constantFrom('archived' as const, 'favourite' as const, 'progress' as const, 'tags' as const),
      value: fc.integer({ min: 0, max: 1000 }),
      tags: fc.subarray(TAGS),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), dev: fc.nat(3), url: fc.nat(5) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 20_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('offline' as const), dev: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('online' as const), dev: fc.nat(3) }) },
);

interface Write {
  key: string;
  v: unknown;
  t: number;
}

const FIELDS = ['saved', 'title', 'site', 'archived', 'favourite', 'progress'] as const;

function registersOf(e: SyncEntry | undefined): Map<string, Register<unknown>> {
  const out = new Map<string, Register<unknown>>();
  if (!e) return out;
  for (const f of FIELDS) out.set(f, e[f]);
  for (const [tag, r] of Object.entries(e.tags)) out.set(`tag:${tag}`, r);
  return out;
}

function later(a: Write, b: Write): boolean {
  if (a.t !== b.t) return a.t > b.t;
  if (typeof a.v === 'number' && typeof b.v === 'number') return a.v > b.v;
  if (typeof a.v === 'boolean' && typeof b.v === 'boolean') return a.v && !b.v;
  return String(a.v) > String(b.v);
}

const entryOf = (d: SimDevice, url: string) => d.engine.entries().find((e) => e.url === url);

async function runScenario(deviceCount: number, seed: number, ops: Op[]): Promise<void> {
  const sim = new Simulation(seed, 8_000);
  const devices: SimDevice[] = [];
  for (let i = 0; i < deviceCount; i++) devices.push(await sim.addDevice(`d${i}`, (i - 1) * 1_500));
  const writes = new Map<string, Write[]>(); // url → writes
  const deletes = new Map<string, number>(); // url → latest delete stamp
  for (const o of ops) {
    if (o.kind === 'wait') {
      await sim.run(o.ms);
      continue;
    }
    const d = devices[o.dev % deviceCount] as SimDevice;
    if (o.kind === 'offline') {
      if (d.storage.online) d.goOffline();
      continue;
    }
    if (o.kind === 'online') {
      if (!d.storage.online) await d.goOnline();
      continue;
    }
    const url = URLS[o.url] as string;
    const before = entryOf(d, url);
    const beforeRegs = registersOf(before);
    if (o.kind === 'save') {
      d.save({ url, title: o.title, site: 'Example', tags: o.tags, archived: false, favourite: false, progress: 0 });
    } else if (o.kind === 'delete') {
      if (!d.library.has(url)) continue;
      d.remove(url);
    } else {
      const patch = o.field === 'tags' ? { tags: o.tags } : o.field === 'progress' ? { progress: o.value / 1000 } : { [o.field]: o.value % 2 === 1 };
      if (!d.edit(url, patch)) continue;
    }
    const after = entryOf(d, url);
    // The device's own view reflects the user's action at once.
    if (o.kind === 'delete') expect(after && after.saved.t > after.deletedAt).toBe(false);
    else expect(d.library.get(url)?.deleted).toBe(false);
    if (after && after.deletedAt > (before?.deletedAt ?? 0)) deletes.set(url, Math.max(deletes.get(url) ?? 0, after.deletedAt));
    // A write is stamped after everything the device has seen, and no earlier than its own clock.
    const seen = Math.max(before?.deletedAt ?? 0, ...[...beforeRegs.values()].map((r) => r.t));
    const floor = sim.clock.now + (o.dev % deviceCount - 1) * 1_500 - SYNC_EPOCH_MS;
    for (const [key, r] of registersOf(after)) {
      if (r.t > (beforeRegs.get(key)?.t ?? 0)) {
        expect(r.t).toBeGreaterThan(seen);
        expect(r.t).toBeGreaterThanOrEqual(floor);
        const list = writes.get(url) ?? [];
        list.push({ key, v: r.v, t: r.t });
        writes.set(url, list);
      }
    }
  }
  for (const d of devices) if (!d.storage.online) await d.goOnline();
  expect(await sim.quiesce()).toBe(true);

  // Convergence: identical replicated state and identical libraries everywhere.
  const canonical = (d: SimDevice) =>
    JSON.stringify(d.engine.entries().sort((a, b) => (a.url < b.url ? -1 : 1)), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
    );
  // savedAt syncs at one-second precision; the saving device itself keeps milliseconds.
  const libraries = (d: SimDevice) =>
    JSON.stringify(
      [...d.library.values()]
        .map((e) => [e.url, e.title, e.site, Math.floor(e.savedAt / 1000), [...e.tags].sort(), e.archived, e.favourite, e.progress, e.deleted])
        .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );
  for (const d of devices.slice(1)) {
    expect(canonical(d)).toBe(canonical(devices[0] as SimDevice));
    expect(libraries(d)).toBe(libraries(devices[0] as SimDevice));
  }

  // No lost edit.
  for (const url of URLS) {
    const list = writes.get(url) ?? [];
    const deletedAt = deletes.get(url) ?? 0;
    const winners = new Map<string, Write>();
    for (const w of list) {
      const best = winners.get(w.key);
      if (!best || later(w, best)) winners.set(w.key, w);
    }
    const finalRegs = registersOf(entryOf(devices[0] as SimDevice, url));
    for (const [key, w] of winners) {
      const r = finalRegs.get(key);
      if (w.t > deletedAt) expect(r, `${url} ${key}`).toEqual({ v: w.v, t: w.t });
      else expect(r?.t ?? 0, `${url} ${key} reset by delete`).toBe(0);
    }
    const savedAt = winners.get('saved')?.t ?? 0;
    for (const d of devices) {
      expect(d.library.has(url), `${d.name} ${url}`).toBe(savedAt > deletedAt);
      const shown = d.library.get(url);
      if (shown) {
        const live = (key: string) => (winners.get(key)?.t ?? 0) > deletedAt;
        expect(shown.archived).toBe(live('archived') ? winners.get('archived')?.v : false);
        expect(shown.progress * 1000).toBeCloseTo(live('progress') ? (winners.get('progress')?.v as number) : 0, 6);
        const tags = TAGS.filter((t) => live(`tag:${t}`) && winners.get(`tag:${t}`)?.v === true);
        expect([...shown.tags].sort()).toEqual(tags.sort());
      }
    }
  }
  for (const d of devices) {
    expect(d.storage.rejections).toEqual([]);
    expect(d.storage.peakWritesPerMinute()).toBeLessThan(QUOTA.perMinute);
  }
}

describe('convergence of 2–4 devices under random operations and delivery', () => {
  it('converges with no edit lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 1_000_000 }), fc.array(op, { minLength: 1, maxLength: 60 }), runScenario),
      { numRuns: 60 },
    );
  });
});
