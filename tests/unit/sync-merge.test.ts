import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLocalChange, createHybridClock, isLive, mergeEntries, toLibraryEntry, type LibraryIndexEntry, type SyncState } from '../../lib/sync';
import { arbitraryEntry } from './sync-arbitraries';

const key = (e: unknown) => JSON.stringify(e, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));

describe('entry merge (state-based CRDT)', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(arbitraryEntry(), arbitraryEntry(), arbitraryEntry(), (a, b, c) => {
        expect(key(mergeEntries(a, b))).toBe(key(mergeEntries(b, a)));
        expect(key(mergeEntries(mergeEntries(a, b), c))).toBe(key(mergeEntries(a, mergeEntries(b, c))));
        expect(key(mergeEntries(a, a))).toBe(key(a));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps, for every field, the write with the latest stamp', () => {
    fc.assert(
      fc.property(arbitraryEntry(), arbitraryEntry(), (a, b) => {
        const m = mergeEntries(a, b);
        for (const field of ['title', 'site', 'archived', 'favourite', 'progress'] as const) {
          const latest = Math.max(a[field].t, b[field].t);
          expect(m[field].t).toBe(latest > m.deletedAt ? latest : 0);
        }
        expect(m.deletedAt).toBe(Math.max(a.deletedAt, b.deletedAt));
        expect(isLive(m)).toBe(Math.max(a.saved.t, b.saved.t) > Math.max(a.deletedAt, b.deletedAt));
      }),
    );
  });
});

const base: LibraryIndexEntry = {
  url: 'https://example.com/a',
  title: 'A',
  site: 'Example',
  savedAt: Date.UTC(2026, 0, 1),
  tags: ['x'],
  archived: false,
  favourite: false,
  progress: 0,
  deleted: false,
};

function device(startMs: number) {
  let now = startMs;
  const state: SyncState = new Map();
  const clock = createHybridClock(() => now);
  return {
    state,
    tick: (ms: number) => (now += ms),
    change: (e: LibraryIndexEntry) => applyLocalChange(state, e, clock),
    entry: () => state.get(base.url),
  };
}

describe('local changes', () => {
  it('stamps only the fields that changed', () => {
    const d = device(Date.UTC(2026, 0, 1));
    d.change(base);
    const first = d.entry();
    d.tick(1_000);
    expect(d.change({ ...base, archived: true })).toBe(true);
    const second = d.entry();
    expect(second?.archived.t).toBeGreaterThan(first?.archived.t ?? 0);
    expect(second?.title.t).toBe(first?.title.t);
    expect(second?.tags.x?.t).toBe(first?.tags.x?.t);
    expect(d.change({ ...base, archived: true })).toBe(false);
  });

  it('treats a save after a delete as a new save: only fields written after the delete come back', () => {
    const a = device(Date.UTC(2026, 0, 1));
    const b = device(Date.UTC(2026, 0, 1));
    a.change(base);
    b.state.set(base.url, a.entry() as NonNullable<ReturnType<typeof a.entry>>);
    b.tick(500);
    b.change({ ...base, favourite: true }); // older than the delete
    a.tick(1_000);
    a.change({ ...base, deleted: true });
    const deleted = mergeEntries(a.entry() as never, b.entry() as never);
    expect(toLibraryEntry(deleted).deleted).toBe(true);
    a.tick(1_000);
    a.state.set(base.url, deleted);
    a.change({ ...base, tags: ['new'] });
    const back = mergeEntries(a.entry() as never, b.entry() as never);
    expect(toLibraryEntry(back)).toMatchObject({ deleted: false, favourite: false, tags: ['new'] });
  });

  it('quantises what sync cannot represent, so read-back equals what was stored', () => {
    const d = device(Date.UTC(2026, 0, 1));
    d.change({ ...base, progress: 0.12345, savedAt: base.savedAt + 999, title: 'x'.repeat(500) });
    const view = toLibraryEntry(d.entry() as never);
    expect(view.progress).toBe(0.123);
    expect(view.savedAt).toBe(base.savedAt);
    expect(view.title.length).toBe(120);
    expect(d.change({ ...base, progress: 0.1234, savedAt: base.savedAt + 10, title: 'x'.repeat(500) })).toBe(false);
  });
});
