import { describe, expect, it } from 'vitest';
import { applyLocalChange, computeLayout, createHybridClock, type SyncState } from '../../lib/sync';
import { itemBytes } from '../../lib/sync/byte-size';
import { article } from './sync-fixtures';

const START = Date.UTC(2026, 10, 1);

function library(count: number): { state: SyncState; edit: (i: number, patch: object) => void } {
  let now = START;
  const state: SyncState = new Map();
  const clock = createHybridClock(() => now);
  for (let i = 0; i < count; i++) {
    now += 1_000;
    applyLocalChange(state, { ...article(i), savedAt: now, deleted: false }, clock);
  }
  return {
    state,
    edit(i, patch) {
      now += 1_000;
      const e = state.get(article(i).url);
      if (!e) throw new Error('missing');
      applyLocalChange(state, { ...article(i), savedAt: e.saved.v * 1000, deleted: false, ...patch }, clock);
    },
  };
}

const budget = { bytes: 84_000, items: 470 };
const externalSize = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;

describe('layout', () => {
  it('keeps every item under the per-item quota and the whole under the budget', () => {
    const { state } = library(2_000);
    const layout = computeLayout(state.values(), budget);
    let total = 0;
    for (const [key, value] of Object.entries(layout.items)) {
      const size = externalSize(key, value);
      expect(size).toBeLessThanOrEqual(8_192);
      expect(itemBytes(key, value)).toBe(size);
      total += size;
    }
    expect(total).toBeLessThanOrEqual(budget.bytes);
    expect(layout.bytes).toBeGreaterThanOrEqual(total);
    expect(layout.syncedLive).toBeLessThan(2_000);
  });

  it('chooses the most recently saved articles when not everything fits', () => {
    const { state } = library(2_000);
    const layout = computeLayout(state.values(), budget);
    const expected = new Set(Array.from({ length: layout.syncedLive }, (_, k) => article(1_999 - k).url));
    expect(layout.syncedUrls).toEqual(expected);
  });

  it('is the same whatever order the state was built in (devices write identical items)', () => {
    const { state } = library(300);
    const reversed: SyncState = new Map([...state].reverse());
    expect(JSON.stringify(computeLayout(reversed.values(), budget).items)).toBe(JSON.stringify(computeLayout(state.values(), budget).items));
  });

  it('rewrites one item when one article is edited', () => {
    const { state, edit } = library(300);
    const before = computeLayout(state.values(), budget).items;
    edit(42, { tags: ['new-tag'], archived: true });
    const after = computeLayout(state.values(), budget).items;
    const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    expect(changed).toHaveLength(1);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  });

  it('leaves out a record too large to sync instead of failing', () => {
    const { state } = library(3);
    let now = START + 10_000;
    applyLocalChange(state, { ...article(9), url: `https://example.com/${'x'.repeat(5_000)}`, savedAt: now, deleted: false }, createHybridClock(() => (now += 1)));
    const layout = computeLayout(state.values(), budget);
    expect(layout.oversize).toBe(1);
    expect(layout.syncedLive).toBe(3);
  });
});
