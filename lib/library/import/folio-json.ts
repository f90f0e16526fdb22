import type { SafeHtml } from '../../sanitize';
import { SCHEMA_VERSION } from '../../storage/schema';
import { exportedArticleSchema, FOLIO_EXPORT_FORMAT, folioExportHeaderSchema } from '../folio-json-format';
import { normalizeTags } from '../tags';
import { normalizeUrl } from '../url-normalize';
import { jsonErrorLine } from './json-error-line';
import { lineLocator, type ImportedItem, type ImportParseResult, type SkippedEntry } from './import-types';

/** Re-sanitizes imported HTML: a file is untrusted input even when Folio wrote it. */
export type Sanitize = (html: string) => SafeHtml;

/** Lines where each top-level article object starts in a pretty-printed export (for error messages). */
function articleLines(text: string): number[] {
  const lineAt = lineLocator(text);
  return [...text.matchAll(/\{\s*"record"\s*:/g)].map((match) => lineAt(match.index ?? 0));
}

export function parseFolioJson(text: string, sanitize: Sanitize): ImportParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const line = jsonErrorLine(text) ?? undefined;
    return { ok: false, format: 'folio-json', line, message: `${line ? `Line ${line}: ` : ''}this is not valid JSON (${(error as Error).message}).` };
  }
  const header = folioExportHeaderSchema.safeParse(data);
  if (!header.success) {
    const isOurs = typeof data === 'object' && data !== null && (data as { format?: unknown }).format === FOLIO_EXPORT_FORMAT;
    return {
      ok: false,
      format: 'folio-json',
      message: isOurs
        ? `This Folio export is from a newer or unknown version (${JSON.stringify((data as { version?: unknown }).version)}).`
        : 'This JSON file is not a Folio library export.',
    };
  }
  const lines = articleLines(text);
  const items: ImportedItem[] = [];
  const skipped: SkippedEntry[] = [];
  header.data.articles.forEach((raw, i) => {
    const line = lines[i] ?? i + 1;
    const parsed = exportedArticleSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skipped.push({ line, reason: `article ${i + 1}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}` });
      return;
    }
    const { record, content, textContent, highlights } = parsed.data;
    const url = normalizeUrl(record.id);
    if (!url.ok) {
      skipped.push({ line, reason: `article ${i + 1}: ${url.detail}` });
      return;
    }
    const id = url.url;
    items.push({
      url: id,
      title: record.title,
      excerpt: record.excerpt,
      savedAt: record.savedAt,
      tags: normalizeTags(record.tags),
      archived: record.archived === 1,
      favourite: record.favourite === 1,
      line,
      full: {
        record: { ...record, id, tags: normalizeTags(record.tags), schemaVersion: SCHEMA_VERSION },
        content: content === null ? null : sanitize(content),
        textContent,
        highlights: highlights.map((highlight) => ({ ...highlight, articleId: id, schemaVersion: SCHEMA_VERSION })),
      },
    });
  });
  return { ok: true, format: 'folio-json', items, skipped };
}
