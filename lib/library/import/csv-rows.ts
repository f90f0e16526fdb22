import Papa from 'papaparse';
import { lineLocator } from './import-types';

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  fields: string[];
}

export type CsvReadResult = { ok: true; rows: CsvRow[] } | { ok: false; message: string; line: number };

/**
 * Reads CSV into rows that know their line numbers (a quoted field can span lines, so the row index is
 * not the line). A quoting error makes the rest of the file unreadable: that fails the whole file.
 */
export function readCsvRows(text: string): CsvReadResult {
  const lineAt = lineLocator(text);
  const rows: CsvRow[] = [];
  let failure: { message: string; line: number } | null = null;
  let rowStart = 0;
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      const line = lineAt(rowStart);
      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      if (quoteError) {
        failure = { message: `Line ${line}: ${quoteError.message} (a quote is opened and never closed).`, line };
        parser.abort();
        return;
      }
      const fields = result.data;
      const blank = fields.length === 0 || (fields.length === 1 && fields[0]!.trim() === '');
      if (!blank) rows.push({ line, fields });
      // The cursor is at the end of this row; the next one starts after its newline.
      rowStart = result.meta.cursor + 1;
    },
  });
  if (failure) return { ok: false, ...(failure as { message: string; line: number }) };
  return { ok: true, rows };
}

/** Maps a header row to column positions, case-insensitively; null when a required column is missing. */
export function columnsOf<K extends string>(header: readonly string[], required: readonly K[]): Record<K, number> | null {
  const positions = header.map((name) => name.trim().toLowerCase());
  const columns = {} as Record<K, number>;
  for (const name of required) {
    const at = positions.indexOf(name.toLowerCase());
    if (at === -1) return null;
    columns[name] = at;
  }
  return columns;
}
