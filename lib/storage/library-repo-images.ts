import type { LibraryDb } from './db';
import type { ImageRecord } from './schema';
import { attempt, type StorageResult } from './storage-errors';

/**
 * Cached images of saved articles (lib/library/offline-images/ decides what to cache). Records are keyed
 * by [articleId+url]; the images of an article go when its trash is purged (./library-repo-trash.ts) or
 * another device's deletion is applied (./library-repo-sync.ts), and stay while it is archived or in
 * the trash (undo gives it back whole).
 */

export interface ImageStorageUse {
  /** Images whose bytes are stored. */
  images: number;
  /** Articles with at least one stored image. */
  articles: number;
  bytes: number;
}

/** Every image record of an article, cached or skipped. */
export function articleImageRecords(db: LibraryDb, articleId: string): Promise<StorageResult<ImageRecord[]>> {
  return attempt(() => db.images.where('articleId').equals(articleId).toArray());
}

/**
 * Stores one image record unless the article is gone (deleted while its images were being fetched), so
 * no image outlives its article. Returns whether it was stored.
 */
export function putArticleImage(db: LibraryDb, record: ImageRecord): Promise<StorageResult<boolean>> {
  return attempt(() =>
    db.transaction('rw', [db.articles, db.images], async () => {
      if (!(await db.articles.get(record.articleId))) return false;
      await db.images.put(record);
      return true;
    }),
  );
}

/** Drops an article's image records whose URL its (re-saved) body no longer names; returns how many. */
export function keepArticleImages(db: LibraryDb, articleId: string, urls: readonly string[]): Promise<StorageResult<number>> {
  const kept = new Set(urls);
  return attempt(() =>
    db.images
      .where('articleId')
      .equals(articleId)
      .filter((record) => !kept.has(record.url))
      .delete(),
  );
}

/** The bytes cached images take, for the budget and the settings page (reads sizes only, not blobs' bytes). */
export function imageStorageUse(db: LibraryDb): Promise<StorageResult<ImageStorageUse>> {
  return attempt(async () => {
    const use: ImageStorageUse = { images: 0, articles: 0, bytes: 0 };
    const articles = new Set<string>();
    await db.images.each((record) => {
      if (!record.blob) return;
      use.images += 1;
      use.bytes += record.bytes;
      articles.add(record.articleId);
    });
    use.articles = articles.size;
    return use;
  });
}
