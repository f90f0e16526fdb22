import type { LibrarySearchSnapshot } from '../library/search/library-search';
import type { LibraryDb } from './db';
import { SCHEMA_VERSION, type MetaRecord } from './schema';
import { attempt, type StorageResult } from './storage-errors';

/**
 * The search index's snapshot in the `meta` store, as a small head record and many parts of at most
 * about 1 MB each (stored format 3), written in one transaction a part at a time.
 *
 * Why parts: IndexedDB's `put` copies (structured-clones) its value synchronously on the calling
 * thread. The whole snapshot as one record (format 2: 20–30 MB at 10,000 articles, nearly all of it
 * the body index's postings) held the search worker for one `put` of 200 ms in a trace (load 7), and
 * every search typed meanwhile waited for it. Each part's `put` now costs a few milliseconds, and the
 * worker answers searches between them (each part is awaited: its completion is a task of its own).
 *
 * Records: `search-index` (the head: watermark, the body index's ids, terms and offsets, how many
 * parts), `search-index/titles/N` (a chunk of title documents, one JSON string), and
 * `search-index/postings/N` (POSTINGS_PER_PART postings, a Uint32Array with a buffer of its own).
 * One transaction replaces them all, so a reader sees the old snapshot or the new one, never a mix; a
 * head whose parts are missing reads as no snapshot (the index is rebuilt, as it can always be).
 * A format-2 record (earlier builds) is still read as it is; the next write stores it in parts.
 */

const HEAD_KEY = 'search-index';
const PART_PREFIX = `${HEAD_KEY}/`;
const titlesKey = (part: number) => `${PART_PREFIX}titles/${part}`;
const postingsKey = (part: number) => `${PART_PREFIX}postings/${part}`;
/** Postings per stored part: 1 MB of Uint32. */
export const POSTINGS_PER_PART = 262_144;

type BodySnapshot = LibrarySearchSnapshot['body'];

/** The head record's value (format 3). */
interface StoredHead {
  format: 3;
  watermark: number;
  titleParts: number;
  body: Omit<BodySnapshot, 'postings'> & { postingsLength: number; postingParts: number };
}

const record = (key: string, value: unknown): MetaRecord => ({ schemaVersion: SCHEMA_VERSION, key, value });
const keys = (count: number, key: (part: number) => string) => Array.from({ length: count }, (_, part) => key(part));

/** The postings in parts, each a copy with its own buffer: a view (subarray) would be cloned with its whole buffer. */
function postingParts(postings: Uint32Array): Uint32Array[] {
  const parts: Uint32Array[] = [];
  for (let start = 0; start < postings.length; start += POSTINGS_PER_PART) parts.push(postings.slice(start, start + POSTINGS_PER_PART));
  return parts;
}

export function saveSearchSnapshot(db: LibraryDb, snapshot: LibrarySearchSnapshot): Promise<StorageResult<void>> {
  const { postings, ...body } = snapshot.body;
  const parts = postingParts(postings);
  const head: StoredHead = {
    format: 3,
    watermark: snapshot.watermark,
    titleParts: snapshot.titles.length,
    body: { ...body, postingsLength: postings.length, postingParts: parts.length },
  };
  return attempt(() =>
    db.transaction('rw', db.meta, async () => {
      // The previous snapshot's parts go first (a smaller library has fewer of them).
      await db.meta.where('key').startsWith(PART_PREFIX).delete();
      // One put at a time, each awaited: the worker's other tasks (searches) run between them.
      for (const [part, titles] of snapshot.titles.entries()) await db.meta.put(record(titlesKey(part), titles));
      for (const [part, values] of parts.entries()) await db.meta.put(record(postingsKey(part), values));
      await db.meta.put(record(HEAD_KEY, head));
    }),
  );
}

export function loadSearchSnapshot(db: LibraryDb): Promise<StorageResult<LibrarySearchSnapshot | null>> {
  return attempt(() =>
    db.transaction('r', db.meta, async () => {
      const value = (await db.meta.get(HEAD_KEY))?.value as StoredHead | LibrarySearchSnapshot | { format: number } | undefined;
      if (!value) return null;
      // Format 2 (one record, earlier builds) is read as it is; format 1 (MiniSearch's JSON) is not read: rebuilt.
      if (value.format === 2) return value as LibrarySearchSnapshot;
      if (value.format !== 3) return null;
      const head = value as StoredHead;
      const [titles, parts] = await Promise.all([db.meta.bulkGet(keys(head.titleParts, titlesKey)), db.meta.bulkGet(keys(head.body.postingParts, postingsKey))]);
      if (titles.some((part) => typeof part?.value !== 'string') || parts.some((part) => !(part?.value instanceof Uint32Array))) return null;
      const postings = new Uint32Array(head.body.postingsLength);
      let at = 0;
      for (const part of parts) {
        const values = part!.value as Uint32Array;
        if (at + values.length > postings.length) return null;
        postings.set(values, at);
        at += values.length;
      }
      if (at !== postings.length) return null;
      const { postingsLength: _length, postingParts: _parts, ...body } = head.body;
      return { format: 2, watermark: head.watermark, titles: titles.map((part) => part!.value as string), body: { ...body, postings } };
    }),
  );
}
