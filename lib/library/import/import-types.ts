import type { SafeHtml } from '../../sanitize';
import type { ArticleRecord, HighlightRecord } from '../../storage/schema';

export type ImportFormat = 'folio-json' | 'pocket-csv' | 'instapaper-csv' | 'netscape-html';

/** One article read from an import file, before it is merged into the library. */
export interface ImportedItem {
  /** Normalised URL (the article's id). */
  url: string;
  title: string | null;
  excerpt: string | null;
  /** Epoch ms; null when the file does not say (the import time is used). */
  savedAt: number | null;
  tags: string[];
  archived: boolean;
  favourite: boolean;
  /** Where it came from in the file (1-based line, or the article's position in a JSON export). */
  line: number;
  /** A Folio export carries the whole record, its (re-sanitized) body and highlights. */
  full?: { record: ArticleRecord; content: SafeHtml | null; textContent: string | null; highlights: HighlightRecord[] };
}

export interface SkippedEntry {
  line: number;
  reason: string;
}

export type ImportParseResult =
  | { ok: true; format: ImportFormat; items: ImportedItem[]; skipped: SkippedEntry[] }
  | { ok: false; format: ImportFormat | null; message: string; line?: number };

/** 1-based line numbers for character offsets in a text. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Seconds (or milliseconds, when the number is that large) since the epoch → epoch ms; null if not a date. */
export function epochToMs(raw: string | undefined): number | null {
  const value = Number((raw ?? '').trim());
  if (!raw || !raw.trim() || !Number.isFinite(value) || value <= 0) return null;
  if (value > 1e14) return Math.round(value / 1000); // microseconds (some browsers' bookmark exports)
  if (value > 1e11) return Math.round(value); // already milliseconds
  return Math.round(value * 1000);
}
