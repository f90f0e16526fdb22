import { exportedArticleSchema, FOLIO_EXPORT_FORMAT, FOLIO_EXPORT_VERSION } from '../folio-json-format';
import { forEachExported, type ExportBatches, type ExportOptions, type ExportResult } from './export-types';

/**
 * The lossless export: pieces of one JSON document (join them, or hand them to `new Blob(parts)`), one
 * article per piece so a large library is never one giant string.
 */
export async function exportFolioJson(batches: ExportBatches, options: ExportOptions): Promise<ExportResult<string[]>> {
  const exportedAt = (options.now ?? new Date()).toISOString();
  const parts = [`{\n  "format": ${JSON.stringify(FOLIO_EXPORT_FORMAT)},\n  "version": ${FOLIO_EXPORT_VERSION},\n  "exportedAt": "${exportedAt}",\n  "articles": [`];
  const walked = await forEachExported(batches, options, (article, index) => {
    // Each article starts on its own line, so import errors can name it. Parsing through the schema
    // checks what is written and fixes the key order, so equal libraries export to equal files.
    parts.push(`${index === 0 ? '' : ','}\n    ${JSON.stringify(exportedArticleSchema.parse(article))}`);
  });
  if (!walked.ok) return walked;
  parts.push('\n  ]\n}\n');
  return { ok: true, value: parts, count: walked.count };
}
