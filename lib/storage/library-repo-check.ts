import type { LibraryDb } from './db';
import { articleProblem, reportedId, type UnreadableRecord } from './record-check';
import { attempt, type StorageResult } from './storage-errors';

const BATCH = 500;

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
      const rows = await db.articles.bulkGet(keys);
      rows.forEach((row: unknown, i) => {
        const id = keys[i]!;
        const problem = articleProblem(row);
        if (problem) found.push({ id: reportedId(row, id), reason: problem });
        else if ((row as { contentState: string }).contentState === 'stored' && !contentIds.has(id)) found.push({ id, reason: 'missing-content' });
      });
      last = keys.at(-1)!;
      if (keys.length < BATCH) return found;
    }
  });
}
