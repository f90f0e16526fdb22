import type { ExportedArticle } from '../library/folio-json-format';
import type { LibraryDb } from './db';

/**
 * Every saved article with its body and highlights, oldest first, `batchSize` at a time, so exporting
 * 10,000 articles never holds every body at once. Throws on storage errors (exporters wrap it).
 */
export async function* readArticlesForExport(db: LibraryDb, batchSize = 200): AsyncGenerator<ExportedArticle[]> {
  let offset = 0;
  for (;;) {
    const records = await db.articles.orderBy('savedAt').offset(offset).limit(batchSize).toArray();
    if (records.length === 0) return;
    offset += records.length;
    const ids = records.map((record) => record.id);
    const [contents, highlights] = await Promise.all([db.contents.bulkGet(ids), db.highlights.where('articleId').anyOf(ids).toArray()]);
    yield records.map((record, i) => {
      const { schemaVersion: _version, ...plain } = record;
      return {
        record: plain,
        content: contents[i]?.content ?? null,
        textContent: contents[i]?.textContent ?? null,
        highlights: highlights.filter((h) => h.articleId === record.id).map(({ schemaVersion: _v, ...h }) => h),
      };
    });
    if (records.length < batchSize) return;
  }
}
