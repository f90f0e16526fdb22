import type { LibraryDb } from './db';
import { WATERMARK_MARGIN_MS } from './library-repo-search';
import { articleProblem, reportedId, type UnreadableRecord } from './record-check';
import { attempt, type StorageResult } from './storage-errors';

const BATCH = 500;

/** The problem of each row (by its key), given which keys have a body. */
function rowProblems(keys: readonly string[], rows: readonly unknown[], hasContent: (id: string) => boolean): UnreadableRecord[] {
  const found: UnreadableRecord[] = [];
  rows.forEach((row, i) => {
    const id = keys[i]!;
    const problem = articleProblem(row);
    if (problem) found.push({ id: reportedId(row, id), reason: problem });
    else if ((row as { contentState: string }).contentState === 'stored' && !hasContent(id)) found.push({ id, reason: 'missing-content' });
  });
  return found;
}

/**
 * Every saved article the library cannot show: rows of the wrong shape or with bad dates (./record-check.ts),
 * and articles marked as stored whose body is missing. Reads rows in key order, `BATCH` at a time, and
 * body keys only (never bodies), so it is cheap enough to run once after the library's first page.
 */
export function findUnreadableArticles(db: LibraryDb): Promise<StorageResult<UnreadableRecord[]>> {
  return attempt(async () => {
    const found: UnreadableRecord[] = [];
    const contentIds = new Set(await db.contents.toCollection().primaryKeys());
    let last: string | null = null;
    for (;;) {
      const from = last;
      const keys: string[] = await (from === null ? db.articles.toCollection() : db.articles.where(':id').above(from)).limit(BATCH).primaryKeys();
      if (keys.length === 0) return found;
      found.push(...rowProblems(keys, await db.articles.bulkGet(keys), (id) => contentIds.has(id)));
      last = keys.at(-1)!;
      if (keys.length < BATCH) return found;
    }
  });
}

export interface ChangedArticlesCheck {
  /** The articles changed since then (each is now readable unless listed in `unreadable`). */
  checked: string[];
  unreadable: UnreadableRecord[];
}

/**
 * `findUnreadableArticles` for only the rows changed since `since` (epoch ms, a little before, as the
 * search index reads changes): what a save, an import, a sync download or an edit wrote. Every writer of
 * Folio stamps `updatedAt`, so that index finds each of them; damage done outside Folio's writers (a
 * failing disk, another program) is found by the next full scan, when the library is next opened.
 */
export function checkChangedArticles(db: LibraryDb, since: number): Promise<StorageResult<ChangedArticlesCheck>> {
  return attempt(async () => {
    const keys = (await db.articles.where('updatedAt').aboveOrEqual(since - WATERMARK_MARGIN_MS).primaryKeys()) as string[];
    if (keys.length === 0) return { checked: [], unreadable: [] };
    const [rows, contentKeys] = await Promise.all([db.articles.bulkGet(keys), db.contents.where(':id').anyOf(keys).primaryKeys()]);
    const contentIds = new Set<string>(contentKeys as string[]);
    return { checked: keys, unreadable: rowProblems(keys, rows, (id) => contentIds.has(id)) };
  });
}
