import { describe, expect, it } from 'vitest';
import type { LibrarySearchSnapshot } from '../../lib/library/search/library-search';
import { loadSearchSnapshot, VALUES_PER_PART, saveSearchSnapshot } from '../../lib/storage/search-snapshot-store';
import { freshDb } from './library-test-helpers';

/** A snapshot of the stored shape with `postingCount` postings (storage does not read what they mean). */
function snapshot(postingCount: number, titleChunks = 3, documents = 2, termCount = 3): LibrarySearchSnapshot {
  const postings = Uint32Array.from({ length: postingCount }, (_, i) => (i * 7) % 1_000);
  const terms = Array.from({ length: termCount }, (_, i) => `term${i}`);
  const offsets = Uint32Array.from({ length: termCount + 1 }, (_, i) => Math.floor((i * postingCount) / termCount));
  return {
    format: 2,
    watermark: 1_700_000_000_123,
    titles: Array.from({ length: titleChunks }, (_, chunk) => JSON.stringify([[`https://e.com/${chunk}`, `Title ${chunk}`, '', '', '']])),
    body: { format: 1, ids: Array.from({ length: documents }, (_, i) => `https://e.com/${i}`), terms: terms.join('\n'), offsets, postings },
  };
}

/** The same snapshot (postings compared as bytes: a deep equality of a million numbers one by one takes seconds). */
function expectSame(result: Awaited<ReturnType<typeof loadSearchSnapshot>>, expected: LibrarySearchSnapshot): void {
  expect(result.ok).toBe(true);
  const actual = result.ok ? result.value : null;
  expect(actual).not.toBeNull();
  const { postings, ...body } = actual!.body;
  const { postings: expectedPostings, ...expectedBody } = expected.body;
  expect({ ...actual!, body }).toEqual({ ...expected, body: expectedBody });
  expect(postings).toBeInstanceOf(Uint32Array);
  expect(Buffer.from(postings.buffer, postings.byteOffset, postings.byteLength).equals(Buffer.from(expectedPostings.buffer, expectedPostings.byteOffset, expectedPostings.byteLength))).toBe(true);
}

const partsOf = async (db: ReturnType<typeof freshDb>) => (await db.meta.toArray()).filter((item) => item.key !== 'search-index');

describe('search snapshot store (format 3: a head and parts of at most 512 KB)', () => {
  it('reads a format-2 snapshot (one record, earlier builds) as it is, and writes it back as a head and parts (before/after)', async () => {
    const db = freshDb();
    // Before: what earlier builds wrote, the whole snapshot in one record.
    // More than one part of every kind: postings, title chunks, ids, terms and offsets.
    const before = snapshot(2.5 * VALUES_PER_PART, 3, 5_000, 150_000);
    await db.meta.put({ schemaVersion: 2, key: 'search-index', value: before });
    const loaded = await loadSearchSnapshot(db);
    expectSame(loaded, before);

    // After: the next write stores it in parts, and reading them gives the same snapshot.
    expect(await saveSearchSnapshot(db, loaded.ok ? loaded.value! : before)).toEqual({ ok: true, value: undefined });
    const head = (await db.meta.get('search-index'))!.value as { format: number; body: { postings?: unknown } };
    expect(head.format).toBe(3);
    expect(head.body.postings).toBeUndefined();
    const parts = await partsOf(db);
    const postingParts = parts.filter((part) => part.key.startsWith('search-index/postings/'));
    expect(postingParts).toHaveLength(3);
    const count = (field: string) => parts.filter((part) => part.key.startsWith(`search-index/${field}/`)).length;
    expect([count('titles'), count('ids'), count('terms'), count('offsets')]).toEqual([3, 2, 6, 2]);
    for (const part of postingParts) {
      const values = part.value as Uint32Array;
      expect(values.length).toBeLessThanOrEqual(VALUES_PER_PART);
      // Its own buffer: a view would have been stored with the whole snapshot's buffer behind it.
      expect(values.buffer.byteLength).toBe(values.byteLength);
    }
    expectSame(await loadSearchSnapshot(db), before);
  });

  it('replaces every part of the previous snapshot (a smaller one leaves none behind)', async () => {
    const db = freshDb();
    await saveSearchSnapshot(db, snapshot(3 * VALUES_PER_PART + 5, 4));
    expect(await partsOf(db)).toHaveLength(4 + 4 + 3);
    const smaller = snapshot(10, 1);
    await saveSearchSnapshot(db, smaller);
    expect((await partsOf(db)).map((part) => part.key).sort()).toEqual(['ids', 'offsets', 'postings', 'terms', 'titles'].map((field) => `search-index/${field}/0`));
    expect(await loadSearchSnapshot(db)).toEqual({ ok: true, value: smaller });
  });

  it('writes an empty index, and reads a head with a missing part, or an older format, as no snapshot (the index is rebuilt)', async () => {
    const db = freshDb();
    const empty = snapshot(0, 0);
    await saveSearchSnapshot(db, empty);
    expect(await loadSearchSnapshot(db)).toEqual({ ok: true, value: empty });

    await saveSearchSnapshot(db, snapshot(2 * VALUES_PER_PART));
    await db.meta.delete('search-index/postings/1');
    expect(await loadSearchSnapshot(db)).toEqual({ ok: true, value: null });

    await db.meta.clear();
    await db.meta.put({ schemaVersion: 2, key: 'search-index', value: { format: 1, index: '{}' } });
    expect(await loadSearchSnapshot(db)).toEqual({ ok: true, value: null });
    await db.meta.clear();
    expect(await loadSearchSnapshot(db)).toEqual({ ok: true, value: null });
  });
});
