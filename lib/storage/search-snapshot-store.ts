import type { LibrarySearchSnapshot } from '../library/search/library-search';
import type { LibraryDb } from './db';
import { SCHEMA_VERSION, type MetaRecord } from './schema';
import { attempt, type StorageResult } from './storage-errors';

/**
 * The search index's snapshot in the `meta` store, as a small head record and many parts of at most
 * about 512 KB each (stored format 3), written in one transaction a part at a time.
 *
 * Why parts: IndexedDB's `put` copies (structured-clones) its value synchronously on the calling
 * thread. The whole snapshot as one record (format 2: 20–30 MB at 10,000 articles, nearly all of it
 * the body index's postings) held the search worker for one `put` of 200 ms in a trace (load 7), and
 * every search typed meanwhile waited for it. Each part's `put` now costs a few milliseconds, and the
 * worker answers searches between them (each part is awaited: its completion is a task of its own).
 *
 * Records: `search-index` (the head: the watermark, lengths, how many parts of each kind) and
 * `search-index/<field>/N`: `titles` (a chunk of title documents, one JSON string), `ids` (document
 * ids by ordinal), `terms` (a piece of the newline-joined term list), `offsets` and `postings`
 * (VALUES_PER_PART numbers, a Uint32Array with a buffer of its own). At 10,000 articles: about 100
 * parts, the postings nearly all the bytes.
 * One transaction replaces them all, so a reader sees the old snapshot or the new one, never a mix; a
 * head whose parts are missing reads as no snapshot (the index is rebuilt, as it can always be).
 * A format-2 record (earlier builds) is still read as it is; the next write stores it in parts.
 */

const HEAD_KEY = 'search-index';
const PART_PREFIX = `${HEAD_KEY}/`;
/** Numbers per stored part of the body index's offsets and postings: 512 KB of Uint32. */
export const VALUES_PER_PART = 131_072;
/** Document ids per stored part (about 300 KB of addresses). */
const IDS_PER_PART = 4_096;
/** Characters of the term list per stored part. */
const TERM_CHARS_PER_PART = 262_144;

type BodySnapshot = LibrarySearchSnapshot['body'];

/** What the parts hold, each stored under `search-index/<field>/<n>`. */
interface Parts {
  titles: string[];
  ids: string[][];
  terms: string[];
  offsets: Uint32Array[];
  postings: Uint32Array[];
}
type Field = keyof Parts;
const FIELDS: readonly Field[] = ['titles', 'ids', 'terms', 'offsets', 'postings'];

/** The head record's value (format 3): everything but the parts, and how many parts of each there are. */
interface StoredHead {
  format: 3;
  watermark: number;
  body: { format: BodySnapshot['format']; offsetsLength: number; postingsLength: number };
  parts: Record<Field, number>;
}

const record = (key: string, value: unknown): MetaRecord => ({ schemaVersion: SCHEMA_VERSION, key, value });
const partKey = (field: Field, part: number) => `${PART_PREFIX}${field}/${part}`;

function pieces<T extends { length: number; slice(start: number, end: number): T }>(whole: T, size: number): T[] {
  const parts: T[] = [];
  for (let start = 0; start < whole.length; start += size) parts.push(whole.slice(start, start + size));
  return parts;
}

/** Numbers in parts, each a copy with its own buffer: a view (subarray) would be cloned with its whole buffer. */
const numberParts = (values: Uint32Array) => pieces(values, VALUES_PER_PART);

function joinNumbers(parts: Uint32Array[], length: number): Uint32Array | null {
  const joined = new Uint32Array(length);
  let at = 0;
  for (const part of parts) {
    if (at + part.length > length) return null;
    joined.set(part, at);
    at += part.length;
  }
  return at === length ? joined : null;
}

export function saveSearchSnapshot(db: LibraryDb, snapshot: LibrarySearchSnapshot): Promise<StorageResult<void>> {
  const { body } = snapshot;
  const parts: Parts = {
    titles: snapshot.titles,
    ids: pieces(body.ids, IDS_PER_PART),
    terms: pieces(body.terms, TERM_CHARS_PER_PART),
    offsets: numberParts(body.offsets),
    postings: numberParts(body.postings),
  };
  const head: StoredHead = {
    format: 3,
    watermark: snapshot.watermark,
    body: { format: body.format, offsetsLength: body.offsets.length, postingsLength: body.postings.length },
    parts: { titles: parts.titles.length, ids: parts.ids.length, terms: parts.terms.length, offsets: parts.offsets.length, postings: parts.postings.length },
  };
  return attempt(() =>
    db.transaction('rw', db.meta, async () => {
      // The previous snapshot's parts go first (a smaller library has fewer of them).
      await db.meta.where('key').startsWith(PART_PREFIX).delete();
      // One put at a time, each awaited: the worker's other tasks (searches) run between them.
      for (const field of FIELDS) for (const [part, value] of parts[field].entries()) await db.meta.put(record(partKey(field, part), value));
      await db.meta.put(record(HEAD_KEY, head));
    }),
  );
}

const isPart: Record<Field, (value: unknown) => boolean> = {
  titles: (value) => typeof value === 'string',
  ids: (value) => Array.isArray(value),
  terms: (value) => typeof value === 'string',
  offsets: (value) => value instanceof Uint32Array,
  postings: (value) => value instanceof Uint32Array,
};

/** Every part of `field` the head names, or null if one is missing or not what it should be. */
async function readParts<F extends Field>(db: LibraryDb, head: StoredHead, field: F): Promise<Parts[F] | null> {
  const keys = Array.from({ length: head.parts[field] }, (_, part) => partKey(field, part));
  const stored = await db.meta.bulkGet(keys);
  return stored.every((item) => item && isPart[field](item.value)) ? (stored.map((item) => item!.value) as Parts[F]) : null;
}

export function loadSearchSnapshot(db: LibraryDb): Promise<StorageResult<LibrarySearchSnapshot | null>> {
  return attempt(() =>
    db.transaction('r', db.meta, async (): Promise<LibrarySearchSnapshot | null> => {
      const value = (await db.meta.get(HEAD_KEY))?.value as StoredHead | LibrarySearchSnapshot | { format: number } | undefined;
      if (!value) return null;
      // Format 2 (one record, earlier builds) is read as it is; format 1 (MiniSearch's JSON) is not read: rebuilt.
      if (value.format === 2) return value as LibrarySearchSnapshot;
      if (value.format !== 3) return null;
      const head = value as StoredHead;
      const [titles, ids, terms, offsetParts, postingParts] = await Promise.all([
        readParts(db, head, 'titles'),
        readParts(db, head, 'ids'),
        readParts(db, head, 'terms'),
        readParts(db, head, 'offsets'),
        readParts(db, head, 'postings'),
      ]);
      if (!titles || !ids || !terms || !offsetParts || !postingParts) return null;
      const offsets = joinNumbers(offsetParts, head.body.offsetsLength);
      const postings = joinNumbers(postingParts, head.body.postingsLength);
      if (!offsets || !postings) return null;
      return { format: 2, watermark: head.watermark, titles, body: { format: head.body.format, ids: ids.flat(), terms: terms.join(''), offsets, postings } };
    }),
  );
}
