import type { ArticleSource } from '../../storage/schema';
import { parseFolioJson, type Sanitize } from './folio-json';
import type { ImportFormat, ImportParseResult } from './import-types';
import { parseInstapaperCsv } from './instapaper-csv';
import { parseNetscapeHtml } from './netscape-html';
import { parsePocketCsv } from './pocket-csv';

/** Which importer reads a file: by its first line for CSV (Pocket and Instapaper differ), else by name and content. */
export function detectImportFormat(fileName: string, text: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  const head = text.replace(/^\uFEFF/, '').trimStart();
  const firstLine = (head.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  if (name.endsWith('.json') || head.startsWith('{')) return 'folio-json';
  if (name.endsWith('.html') || name.endsWith('.htm') || head.startsWith('<')) return 'netscape-html';
  if (firstLine.includes('time_added')) return 'pocket-csv';
  if (firstLine.includes('selection') && firstLine.includes('folder')) return 'instapaper-csv';
  return null;
}

export const SOURCE_OF_FORMAT: Record<ImportFormat, ArticleSource> = {
  'folio-json': 'folio',
  'pocket-csv': 'pocket',
  'instapaper-csv': 'instapaper',
  'netscape-html': 'netscape',
};

export function parseImportFile(fileName: string, text: string, sanitize: Sanitize): ImportParseResult {
  const format = detectImportFormat(fileName, text);
  switch (format) {
    case 'folio-json':
      return parseFolioJson(text, sanitize);
    case 'netscape-html':
      return parseNetscapeHtml(text);
    case 'pocket-csv':
      return parsePocketCsv(text);
    case 'instapaper-csv':
      return parseInstapaperCsv(text);
    case null:
      return {
        ok: false,
        format: null,
        line: 1,
        message: 'Line 1: Folio does not recognise this file. It reads Folio JSON, Pocket CSV (title,url,time_added,tags,status), Instapaper CSV (URL,Title,Selection,Folder,Timestamp) and bookmark HTML files.',
      };
  }
}
