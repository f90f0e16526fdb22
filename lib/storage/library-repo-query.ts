import Dexie, { type Collection } from 'dexie';
import type { LibraryDb } from './db';
import { isReadableArticle } from './record-check';
import type { ArticleRecord } from './schema';
import { attempt, type StorageResult } from './storage-errors';

/**
 * Reading lists of saved articles. Each filter maps to one index range, so counting a view and reading
 * its first page never scan the whole library; sorts by date ride the same compound indexes.
 */

/** `inbox`: everything not archived (Pocket's "My List"); `unread`: not archived and not finished. */
export type LibraryStatus = 'inbox' | 'unread' | 'archived' | 'all';
export type LibrarySort = 'newest' | 'oldest' | 'title' | 'longest' | 'shortest';

export interface LibraryQuery {
  status?: LibraryStatus;
  favourite?: boolean;
  tag?: string;
  sort?: LibrarySort;
  offset?: number;
  limit?: number;
  /** Count the whole view as well (default). A first page that gets the ids next can skip it. */
  withTotal?: boolean;
}

export interface LibraryPage {
  items: ArticleRecord[];
  /** How many articles the filter matches in all (null when not asked for). */
  total: number | null;
}

type Range = { index: string; lower: unknown[] | unknown; upper: unknown[] | unknown; datedIndex: boolean };

const MIN = Dexie.minKey;
const MAX = Dexie.maxKey;

/** The index range that selects the status (and favourite, when alone); the rest is a residual test. */
function rangeFor(status: LibraryStatus, favourite: boolean | undefined): Range {
  switch (status) {
    case 'inbox':
      return { index: '[archived+savedAt]', lower: [0, MIN], upper: [0, MAX], datedIndex: true };
    case 'archived':
      return { index: '[archived+savedAt]', lower: [1, MIN], upper: [1, MAX], datedIndex: true };
    case 'unread':
      return { index: '[archived+read+savedAt]', lower: [0, 0, MIN], upper: [0, 0, MAX], datedIndex: true };
    case 'all':
      return favourite
        ? { index: '[favourite+savedAt]', lower: [1, MIN], upper: [1, MAX], datedIndex: true }
        : { index: 'savedAt', lower: MIN, upper: MAX, datedIndex: true };
  }
}

function statusMatches(status: LibraryStatus, record: ArticleRecord): boolean {
  if (status === 'inbox') return record.archived === 0;
  if (status === 'archived') return record.archived === 1;
  if (status === 'unread') return record.archived === 0 && record.read === 0;
  return true;
}

export function matchesQuery(record: ArticleRecord, query: LibraryQuery): boolean {
  const status = query.status ?? 'inbox';
  return (
    statusMatches(status, record) &&
    (query.favourite === undefined || record.favourite === (query.favourite ? 1 : 0)) &&
    (query.tag === undefined || record.tags.includes(query.tag))
  );
}

const SORT_INDEX: Record<Exclude<LibrarySort, 'newest' | 'oldest'>, { index: string; reverse: boolean }> = {
  title: { index: 'titleKey', reverse: false },
  longest: { index: 'readingMinutes', reverse: true },
  shortest: { index: 'readingMinutes', reverse: false },
};

export function compareForSort(sort: LibrarySort): (a: ArticleRecord, b: ArticleRecord) => number {
  switch (sort) {
    case 'newest':
      return (a, b) => b.savedAt - a.savedAt;
    case 'oldest':
      return (a, b) => a.savedAt - b.savedAt;
    case 'title':
      return (a, b) => (a.titleKey < b.titleKey ? -1 : a.titleKey > b.titleKey ? 1 : 0);
    case 'longest':
      return (a, b) => b.readingMinutes - a.readingMinutes;
    case 'shortest':
      return (a, b) => a.readingMinutes - b.readingMinutes;
  }
}

/** A page of rows, without the ones that cannot be read (counted by findUnreadableArticles). */
async function page(collection: Collection<ArticleRecord, string>, offset: number, limit: number): Promise<ArticleRecord[]> {
  return (await collection.offset(offset).limit(limit).toArray()).filter(isReadableArticle);
}

export function listArticles(db: LibraryDb, query: LibraryQuery = {}): Promise<StorageResult<LibraryPage>> {
  const status = query.status ?? 'inbox';
  const sort = query.sort ?? 'newest';
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(1, Math.min(500, query.limit ?? 50));
  return attempt(async () => {
    // A tag selects few articles and has no date-ordered index (IndexedDB cannot combine multi-entry
    // and compound keys): read that subset and sort it here.
    if (query.tag !== undefined) {
      const tagged = (await db.articles.where('tags').equals(query.tag).toArray()).filter(isReadableArticle);
      const matching = tagged.filter((record) => matchesQuery(record, query)).sort(compareForSort(sort));
      return { items: matching.slice(offset, offset + limit), total: matching.length };
    }
    const range = rangeFor(status, query.favourite);
    const selected = () => db.articles.where(range.index).between(range.lower, range.upper, true, true);
    const residual = (record: ArticleRecord) => matchesQuery(record, query);
    const needsResidual = query.favourite !== undefined && !(status === 'all' && query.favourite);
    const total = query.withTotal === false ? null : needsResidual ? await selected().filter(residual).count() : await selected().count();

    let items: ArticleRecord[];
    if (sort === 'newest' || sort === 'oldest') {
      let collection = selected();
      if (sort === 'newest') collection = collection.reverse();
      if (needsResidual) collection = collection.filter(residual);
      items = await page(collection, offset, limit);
    } else {
      const { index, reverse } = SORT_INDEX[sort];
      let collection = db.articles.orderBy(index);
      if (reverse) collection = collection.reverse();
      items = await page(collection.filter(residual), offset, limit);
    }
    return { items, total };
  });
}

/** Every tag in use with how many articles carry it, most used first (for filters and autocomplete). */
export function listTags(db: LibraryDb): Promise<StorageResult<{ tag: string; count: number }[]>> {
  return attempt(async () => {
    const tags = (await db.articles.orderBy('tags').uniqueKeys()) as string[];
    const counts = await Promise.all(tags.map(async (tag) => ({ tag, count: await db.articles.where('tags').equals(tag).count() })));
    return counts.sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
  });
}

export function countArticles(db: LibraryDb): Promise<StorageResult<number>> {
  return attempt(() => db.articles.count());
}

/** Records for the given ids, in that order, skipping ids no longer in the library and rows that cannot be read. */
export function getArticleRecords(db: LibraryDb, ids: readonly string[]): Promise<StorageResult<ArticleRecord[]>> {
  return attempt(async () => (await db.articles.bulkGet([...ids])).filter(isReadableArticle));
}

/**
 * Every id a view shows, in order, read from indexes only (no records): the virtualised library list
 * sizes itself from this and loads the visible rows with `getArticleRecords`. Deep `offset`s walk a
 * cursor step by step; a key list does not.
 */
export function listArticleIds(db: LibraryDb, query: LibraryQuery = {}): Promise<StorageResult<string[]>> {
  const status = query.status ?? 'inbox';
  const sort = query.sort ?? 'newest';
  return attempt(async () => {
    const range = rangeFor(status, undefined);
    const inStatus = () => db.articles.where(range.index).between(range.lower, range.upper, true, true).primaryKeys();
    const filters: Promise<string[]>[] = [];
    if (query.tag !== undefined) filters.push(db.articles.where('tags').equals(query.tag).primaryKeys());
    if (query.favourite !== undefined) {
      const favourites = db.articles.where('[favourite+savedAt]').between([1, MIN], [1, MAX], true, true).primaryKeys();
      filters.push(
        query.favourite
          ? favourites
          : Promise.all([db.articles.toCollection().primaryKeys(), favourites]).then(([all, fav]) => {
              const favSet = new Set(fav);
              return all.filter((id) => !favSet.has(id));
            }),
      );
    }
    const sets = (await Promise.all(filters)).map((ids) => new Set(ids));
    const keep = (ids: string[]) => (sets.length === 0 ? ids : ids.filter((id) => sets.every((set) => set.has(id))));
    if (sort === 'newest' || sort === 'oldest') {
      const ordered = keep(await inStatus());
      return sort === 'newest' ? ordered.reverse() : ordered;
    }
    if (status !== 'all') sets.push(new Set(await inStatus()));
    const { index, reverse } = SORT_INDEX[sort];
    const ordered = keep(await db.articles.orderBy(index).primaryKeys());
    return reverse ? ordered.reverse() : ordered;
  });
}
