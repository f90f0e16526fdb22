import { normalizeUrl } from '../url-normalize';
import { columnsOf, readCsvRows } from './csv-rows';
import type { ImportedItem, ImportFormat, ImportParseResult, SkippedEntry } from './import-types';

/** How one read-later service's CSV export maps onto Folio's imported items. */
export interface CsvExportFormat<K extends string> {
  format: ImportFormat;
  /** "a Pocket export", for the message when the header does not match. */
  name: string;
  columns: readonly K[];
  urlColumn: K;
  /** The item for one row (URL already normalised), or the reason the row is skipped. */
  toItem(field: (column: K) => string, url: string, line: number): ImportedItem | { skip: string };
}

/**
 * Reads a CSV export with a known header: rows with the wrong number of fields or a bad URL are
 * skipped with their line number, never dropped silently.
 */
export function parseCsvExport<K extends string>(text: string, spec: CsvExportFormat<K>): ImportParseResult {
  const read = readCsvRows(text);
  if (!read.ok) return { ok: false, format: spec.format, message: read.message, line: read.line };
  const [header, ...rows] = read.rows;
  if (!header) return { ok: false, format: spec.format, message: 'The file is empty.' };
  const columns = columnsOf(header.fields, spec.columns);
  if (!columns) {
    return {
      ok: false,
      format: spec.format,
      line: header.line,
      message: `Line ${header.line}: this is not ${spec.name}; its first line should be "${spec.columns.join(',')}".`,
    };
  }
  const items: ImportedItem[] = [];
  const skipped: SkippedEntry[] = [];
  for (const { line, fields } of rows) {
    if (fields.length !== header.fields.length) {
      skipped.push({ line, reason: `expected ${header.fields.length} fields, found ${fields.length}` });
      continue;
    }
    const field = (column: K) => fields[columns[column]] ?? '';
    const url = normalizeUrl(field(spec.urlColumn));
    if (!url.ok) {
      skipped.push({ line, reason: url.detail });
      continue;
    }
    const item = spec.toItem(field, url.url, line);
    if ('skip' in item) skipped.push({ line, reason: item.skip });
    else items.push(item);
  }
  return { ok: true, format: spec.format, items, skipped };
}
