import type { LibraryDb } from './db';
import { SCHEMA_VERSION, type TrashRecord } from './schema';
import { attempt, type StorageResult } from './storage-errors';

/**
 * Delete with undo: deleting moves the article (metadata, body, highlights) to `trash`; undo moves it
 * back untouched; `purgeTrash` removes what has been in the trash longer than the undo window and
 * leaves a tombstone so sync propagates the deletion.
 */

/** How long a deletion can be undone. Purging runs when the library or background starts. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;

const stores = (db: LibraryDb) => [db.articles, db.contents, db.highlights, db.trash, db.tombstones];

export function deleteArticles(db: LibraryDb, ids: readonly string[], now = Date.now()): Promise<StorageResult<string[]>> {
  return attempt(() =>
    db.transaction('rw', stores(db), async () => {
      const records = await db.articles.bulkGet([...ids]);
      const present = records.filter((record) => record !== undefined);
      const presentIds = present.map((record) => record.id);
      const contents = await db.contents.bulkGet(presentIds);
      const trashed: TrashRecord[] = [];
      for (const [i, article] of present.entries()) {
        const highlights = await db.highlights.where('articleId').equals(article.id).toArray();
        trashed.push({ schemaVersion: SCHEMA_VERSION, id: article.id, deletedAt: now, article, content: contents[i] ?? null, highlights });
      }
      await db.trash.bulkPut(trashed);
      await db.articles.bulkDelete(presentIds);
      await db.contents.bulkDelete(presentIds);
      await db.highlights.where('articleId').anyOf(presentIds).delete();
      return presentIds;
    }),
  );
}

/** Undo: puts trashed articles back exactly as they were; returns the ids restored. */
export function restoreArticles(db: LibraryDb, ids: readonly string[], now = Date.now()): Promise<StorageResult<string[]>> {
  return attempt(() =>
    db.transaction('rw', stores(db), async () => {
      const trashed = (await db.trash.bulkGet([...ids])).filter((item) => item !== undefined);
      // updatedAt moves so that search indexes and sync notice the article again.
      await db.articles.bulkPut(trashed.map((item) => ({ ...item.article, updatedAt: now })));
      await db.contents.bulkPut(trashed.flatMap((item) => (item.content ? [item.content] : [])));
      await db.highlights.bulkPut(trashed.flatMap((item) => item.highlights));
      await db.trash.bulkDelete(trashed.map((item) => item.id));
      return trashed.map((item) => item.id);
    }),
  );
}

/**
 * Permanently removes trash older than the undo window, with the articles' cached images, leaving
 * tombstones; returns how many.
 */
export function purgeTrash(db: LibraryDb, now = Date.now(), undoWindowMs = UNDO_WINDOW_MS): Promise<StorageResult<number>> {
  return attempt(() =>
    db.transaction('rw', [db.trash, db.tombstones, db.images], async () => {
      const expired = await db.trash.where('deletedAt').belowOrEqual(now - undoWindowMs).toArray();
      const ids = expired.map((item) => item.id);
      await db.tombstones.bulkPut(expired.map((item) => ({ schemaVersion: SCHEMA_VERSION, url: item.id, deletedAt: item.deletedAt })));
      await db.trash.bulkDelete(ids);
      await db.images.where('articleId').anyOf(ids).delete();
      return expired.length;
    }),
  );
}
