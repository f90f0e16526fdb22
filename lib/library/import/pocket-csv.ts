import { normalizeTags } from '../tags';
import { normalizeUrl } from '../url-normalize';
import { columnsOf, readCsvRows } from './csv-rows';
import { epochToMs, type ImportedItem, type ImportParseResult, type SkippedEntry } from './import-types';

const POCKET_COLUMNS = ['title', 'url', 'time_added', 'tags', 'status'] as const;

/** Pocket's export (`part_000000.csv`): title,url,time_added,tags,status; tags joined by `|`. */
export function parsePocketCsv(text: string): ImportParseResult {
  const read = readCsvRows(text);
  if (!read.ok) return { ok: false, format: 'pocket-csv', message: read.message, line: read.line };
  const [header, ...rows] = read.rows;
  if (!header) return { ok: false, format: 'pocket-csv', message: 'The file is empty.' };
  const columns = columnsOf(header.fields, POCKET_COLUMNS);
  if (!columns) {
    return {
      ok: false,
      format: 'pocket-csv',
      line: header.line,
      message: `Line ${header.line}: this is not a Pocket export; its first line should be "${POCKET_COLUMNS.join(',')}".`,
    };
  }
  const items: ImportedItem[] = [];
  const skipped: SkippedEntry[] = [];
  for (const { line, fields } of rows) {
    if (fields.length !== header.fields.length) {
      skipped.push({ line, reason: `expected ${header.fields.length} fields, found ${fields.length}` });
      continue;
    }
    const url = normalizeUrl(fields[columns.url] ?? '');
    if (!url.ok) {
      skipped.push({ line, reason: url.detail });
      continue;
    }
    const status = (fields[columns.status] ?? '').trim().toLowerCase();
    if (status !== 'unread' && status !== 'archive' && status !== '') {
      skipped.push({ line, reason: `unknown status "${status}" (expected unread or archive)` });
      continue;
    }
    const title = (fields[columns.title] ?? '').trim();
    items.push({
      url: url.url,
      title: title && title !== fields[columns.url] ? title : null,
      excerpt: null,
      savedAt: epochToMs(fields[columns.time_added]),
      tags: normalizeTags((fields[columns.tags] ?? '').split('|')),
      archived: status === 'archive',
      favourite: false,
      line,
    });
  }
  return { ok: true, format: 'pocket-csv', items, skipped };
}
