import { normalizeTags } from '../tags';
import { normalizeUrl } from '../url-normalize';
import { columnsOf, readCsvRows } from './csv-rows';
import { epochToMs, type ImportedItem, type ImportParseResult, type SkippedEntry } from './import-types';

const INSTAPAPER_COLUMNS = ['URL', 'Title', 'Selection', 'Folder', 'Timestamp'] as const;

/**
 * Instapaper's export: URL,Title,Selection,Folder,Timestamp. Folder "Unread" is the inbox, "Archive"
 * means archived, "Starred" a favourite; any other folder becomes a tag.
 */
export function parseInstapaperCsv(text: string): ImportParseResult {
  const read = readCsvRows(text);
  if (!read.ok) return { ok: false, format: 'instapaper-csv', message: read.message, line: read.line };
  const [header, ...rows] = read.rows;
  if (!header) return { ok: false, format: 'instapaper-csv', message: 'The file is empty.' };
  const columns = columnsOf(header.fields, INSTAPAPER_COLUMNS);
  if (!columns) {
    return {
      ok: false,
      format: 'instapaper-csv',
      line: header.line,
      message: `Line ${header.line}: this is not an Instapaper export; its first line should be "${INSTAPAPER_COLUMNS.join(',')}".`,
    };
  }
  const items: ImportedItem[] = [];
  const skipped: SkippedEntry[] = [];
  for (const { line, fields } of rows) {
    if (fields.length !== header.fields.length) {
      skipped.push({ line, reason: `expected ${header.fields.length} fields, found ${fields.length}` });
      continue;
    }
    const url = normalizeUrl(fields[columns.URL] ?? '');
    if (!url.ok) {
      skipped.push({ line, reason: url.detail });
      continue;
    }
    const folder = (fields[columns.Folder] ?? '').trim();
    const folderKey = folder.toLowerCase();
    const selection = (fields[columns.Selection] ?? '').trim();
    items.push({
      url: url.url,
      title: (fields[columns.Title] ?? '').trim() || null,
      excerpt: selection || null,
      savedAt: epochToMs(fields[columns.Timestamp]),
      tags: ['unread', 'archive', 'starred', ''].includes(folderKey) ? [] : normalizeTags([folder]),
      archived: folderKey === 'archive',
      favourite: folderKey === 'starred',
      line,
    });
  }
  return { ok: true, format: 'instapaper-csv', items, skipped };
}
