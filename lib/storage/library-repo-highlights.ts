import type { LibraryDb } from './db';
import { SCHEMA_VERSION, type HighlightRecord } from './schema';
import { attempt, type StorageResult } from './storage-errors';

/**
 * A saved article's highlights and notes (the `highlights` store, indexed by articleId). Deleting,
 * trashing, exporting and importing an article already carry its highlights (library-repo-*.ts).
 */
export type HighlightInput = Omit<HighlightRecord, 'schemaVersion'>;

export function listHighlights(db: LibraryDb, articleId: string): Promise<StorageResult<HighlightRecord[]>> {
  return attempt(() => db.highlights.where('articleId').equals(articleId).sortBy('createdAt'));
}

export function putHighlight(db: LibraryDb, highlight: HighlightInput): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db.highlights.put({ ...highlight, schemaVersion: SCHEMA_VERSION });
  });
}

export function deleteHighlight(db: LibraryDb, id: string): Promise<StorageResult<void>> {
  return attempt(() => db.highlights.delete(id));
}
