import type { SearchableArticle } from '../library/search/library-search';
import type { SearchableHighlight } from '../library/search/highlight-search';
import type { LibraryDb } from './db';
import { attempt, type StorageResult } from './storage-errors';
import { isReadableArticle, isReadableContent } from './record-check';

/** Storage side of the search index: the changes a loaded index has not seen yet (its snapshot: ./search-snapshot-store.ts). */

/** Re-read a little before the watermark: a write stamped just before it may have committed just after. */
export const WATERMARK_MARGIN_MS = 5_000;

/** How many articles `readIndexChanges` would read from `since` (for progress). */
export async function countIndexChanges(db: LibraryDb, since: number): Promise<number> {
  const from = since > 0 ? since - WATERMARK_MARGIN_MS : 0;
  try {
    return await db.articles.where('updatedAt').aboveOrEqual(from).count();
  } catch {
    return 0;
  }
}

export interface IndexChanges {
  upserts: { article: SearchableArticle; updatedAt: number }[];
  removals: string[];
  /** The newest change time seen. */
  newest: number;
}

/**
 * Calls `onBatch` with the articles changed since `since` (all of them for 0), `batchSize` at a time so
 * a first build never holds every body at once, then once with the removals.
 */
export function readIndexChanges(
  db: LibraryDb,
  since: number,
  onBatch: (changes: IndexChanges) => void,
  batchSize = 250,
  /** Articles the index already holds at this change time: their bodies are not read again. */
  alreadyIndexed: (id: string, updatedAt: number) => boolean = () => false,
): Promise<StorageResult<number>> {
  return attempt(async () => {
    const from = since > 0 ? since - WATERMARK_MARGIN_MS : 0;
    let newest = since;
    let offset = 0;
    for (;;) {
      const page = await db.articles.where('updatedAt').aboveOrEqual(from).offset(offset).limit(batchSize).toArray();
      if (page.length === 0) break;
      offset += page.length;
      // Corrupted rows are left out of the index as they are out of the list (./record-check.ts).
      const readable = page.filter(isReadableArticle);
      for (const record of readable) newest = Math.max(newest, record.updatedAt);
      const records = readable.filter((record) => !alreadyIndexed(record.id, record.updatedAt));
      const contents = await db.contents.bulkGet(records.map((record) => record.id));
      const upserts = records.map((record, i) => ({
        updatedAt: record.updatedAt,
        article: {
          id: record.id,
          title: record.title,
          siteName: record.siteName,
          byline: record.byline,
          tags: record.tags,
          text: (isReadableContent(contents[i]) ? contents[i]!.textContent : null) ?? record.excerpt ?? '',
        },
      }));
      if (upserts.length > 0) onBatch({ upserts, removals: [], newest });
      if (page.length < batchSize) break;
    }
    if (since > 0) {
      const [trashed, tombstones] = await Promise.all([
        db.trash.where('deletedAt').aboveOrEqual(from).toArray(),
        db.tombstones.where('deletedAt').aboveOrEqual(from).toArray(),
      ]);
      const removals = [...trashed.map((item) => item.id), ...tombstones.map((item) => item.url)];
      for (const item of [...trashed, ...tombstones]) newest = Math.max(newest, item.deletedAt);
      // A restored article is both trashed-then-restored (gone from trash) and upserted: fine. One still
      // in the trash is removed here even if an older batch above re-added it.
      if (removals.length > 0) onBatch({ upserts: [], removals, newest });
    }
    return newest;
  });
}

/** Every highlight with its note, as the highlight search needs them (a library holds a few thousand at most). */
export function readSearchableHighlights(db: LibraryDb): Promise<StorageResult<SearchableHighlight[]>> {
  return attempt(async () =>
    (await db.highlights.toArray()).map((highlight) => ({
      id: highlight.id,
      articleId: highlight.articleId,
      text: highlight.selector.exact,
      note: highlight.note,
      createdAt: highlight.createdAt,
    })),
  );
}
