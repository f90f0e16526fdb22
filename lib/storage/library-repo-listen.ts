import type { LibraryDb } from './db';
import { attempt, type StorageResult } from './storage-errors';

/**
 * Where read-aloud stopped in a saved article (progress.listenParagraph), so it resumes there. Written
 * often (every paragraph), so it touches nothing else: not the sync change times, not updatedAt (no
 * search re-index, no sync write for a value that never leaves the device). True when it changed.
 */
export function setListenPosition(db: LibraryDb, id: string, paragraph: number): Promise<StorageResult<boolean>> {
  const at = Number.isFinite(paragraph) ? Math.max(0, Math.floor(paragraph)) : 0;
  return attempt(() =>
    db.transaction('rw', db.articles, async () => {
      const record = await db.articles.get(id);
      if (!record || record.progress.listenParagraph === at) return false;
      await db.articles.put({ ...record, progress: { ...record.progress, listenParagraph: at } });
      return true;
    }),
  );
}
