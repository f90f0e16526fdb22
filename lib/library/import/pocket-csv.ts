import { normalizeTags } from '../tags';
import { parseCsvExport } from './csv-export';
import { epochToMs, type ImportParseResult } from './import-types';

/** Pocket's export (`part_000000.csv`): title,url,time_added,tags,status; tags joined by `|`. */
export function parsePocketCsv(text: string): ImportParseResult {
  return parseCsvExport(text, {
    format: 'pocket-csv',
    name: 'a Pocket export',
    columns: ['title', 'url', 'time_added', 'tags', 'status'],
    urlColumn: 'url',
    toItem(field, url, line) {
      const status = field('status').trim().toLowerCase();
      if (status !== 'unread' && status !== 'archive' && status !== '') return { skip: `unknown status "${status}" (expected unread or archive)` };
      const title = field('title').trim();
      return {
        url,
        title: title && title !== field('url') ? title : null,
        excerpt: null,
        savedAt: epochToMs(field('time_added')),
        tags: normalizeTags(field('tags').split('|')),
        archived: status === 'archive',
        favourite: false,
        line,
      };
    },
  });
}
