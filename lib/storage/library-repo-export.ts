import type { ExportedArticle } from '../library/folio-json-format';
import type { LibraryDb } from './db';
import { articleProblem, contentProblem, reportedId, type UnreadableRecord } from './record-check';
import type { ArticleRecord } from './schema';

/**
 * Every saved article with its body and highlights, oldest first, `batchSize` at a time, so exporting
 * 10,000 articles never holds every body at once. Throws on storage errors (exporters wrap it).
 *
 * Rows that cannot be read (./record-check.ts) are left out and listed in `skipped`, so one corrupted
 * record never stops an export; a row with no date at all (not in the date index) is found at the end.
 * An article whose body is missing or unreadable is exported without it (its link and metadata are
 * still worth keeping) and listed too.
 */
export async function* readArticlesForExport(db: LibraryDb, batchSize = 200, skipped: UnreadableRecord[] = []): AsyncGenerator<ExportedArticle[]> {
  let offset = 0;
  const seen = new Set<string>();
  for (;;) {
    const rows: unknown[] = await db.articles.orderBy('savedAt').offset(offset).limit(batchSize).toArray();
    if (rows.length === 0) break;
    offset += rows.length;
    const keys = rows.map((row, i) => reportedId(row, `#${offset - rows.length + i}`));
    for (const key of keys) seen.add(key);
    const [contents, highlights] = await Promise.all([db.contents.bulkGet(keys), db.highlights.where('articleId').anyOf(keys).toArray()]);
    const batch: ExportedArticle[] = [];
    rows.forEach((row, i) => {
      const problem = articleProblem(row);
      if (problem) {
        skipped.push({ id: keys[i]!, reason: problem });
        return;
      }
      const { schemaVersion: _version, ...plain } = row as ArticleRecord;
      const content: unknown = contents[i];
      const bodyProblem = plain.contentState === 'stored' ? contentProblem(content) : null;
      if (bodyProblem) skipped.push({ id: keys[i]!, reason: bodyProblem });
      const readable = bodyProblem === null && content !== undefined ? (content as { content: string; textContent: string }) : null;
      batch.push({
        record: plain,
        content: (readable?.content ?? null) as ExportedArticle['content'],
        textContent: readable?.textContent ?? null,
        highlights: highlights.filter((h) => h.articleId === plain.id).map(({ schemaVersion: _v, ...h }) => h),
      });
    });
    if (batch.length > 0) yield batch;
    if (rows.length < batchSize) break;
  }
  // Rows without a usable date are not in the date index at all: name them too.
  for (const id of await db.articles.toCollection().primaryKeys()) if (!seen.has(id)) skipped.push({ id, reason: 'bad-date' });
}
