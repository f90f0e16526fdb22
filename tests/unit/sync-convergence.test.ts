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
import { converged, EditOracle } from './sync-oracle';
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

async function runScenario(deviceCount: number, seed: number, ops: Op[]): Promise<void> {
  const sim = new Simulation(seed, 8_000);
  const devices: SimDevice[] = [];
  for (let i = 0; i < deviceCount; i++) devices.push(await sim.addDevice(`d${i}`, (i - 1) * 1_500));
  const oracle = new EditOracle();
  for (const o of ops) {
    if (o.kind === 'wait') {
      await sim.run(o.ms);
      continue;
    }
    const index = o.dev % deviceCount;
    const d = devices[index] as SimDevice;
    if (o.kind === 'offline') {
      if (d.storage.online) d.goOffline();
      continue;
    }
    if (o.kind === 'online') {
      if (!d.storage.online) await d.goOnline();
      continue;
    }
    const url = URLS[o.url] as string;
    if (o.kind !== 'save' && !d.library.has(url)) continue;
    oracle.record(d, url, sim.clock.now + (index - 1) * 1_500, () => {
      if (o.kind === 'save') d.save({ url, title: o.title, site: 'Example', tags: o.tags, archived: false, favourite: false, progress: 0 });
      else if (o.kind === 'delete') d.remove(url);
      else d.edit(url, o.field === 'tags' ? { tags: o.tags } : o.field === 'progress' ? { progress: o.value / 1000 } : { [o.field]: o.value % 2 === 1 });
    });
    // The device's own library reflects the user's action at once.
    expect(d.library.has(url)).toBe(o.kind !== 'delete');
  }
  for (const d of devices) if (!d.storage.online) await d.goOnline();
  expect(await sim.quiesce()).toBe(true);
  expect(converged(devices)).toBe(true);
  expect(oracle.lostEdits(devices, URLS)).toBe(0);
  expect(oracle.problems).toEqual([]);
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
