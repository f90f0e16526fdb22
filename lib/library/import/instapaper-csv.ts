import { normalizeTags } from '../tags';
import { parseCsvExport } from './csv-export';
import { epochToMs, type ImportParseResult } from './import-types';

/** Folders that are Instapaper's own states, not the user's tags. */
const STATE_FOLDERS = ['unread', 'archive', 'starred', ''];

/**
 * Instapaper's export: URL,Title,Selection,Folder,Timestamp. Folder "Unread" is the inbox, "Archive"
 * means archived, "Starred" a favourite; any other folder becomes a tag.
 */
export function parseInstapaperCsv(text: string): ImportParseResult {
  return parseCsvExport(text, {
    format: 'instapaper-csv',
    name: 'an Instapaper export',
    columns: ['URL', 'Title', 'Selection', 'Folder', 'Timestamp'],
    urlColumn: 'URL',
    toItem(field, url, line) {
      const folder = field('Folder').trim();
      const folderKey = folder.toLowerCase();
      return {
        url,
        title: field('Title').trim() || null,
        excerpt: field('Selection').trim() || null,
        savedAt: epochToMs(field('Timestamp')),
        tags: STATE_FOLDERS.includes(folderKey) ? [] : normalizeTags([folder]),
        archived: folderKey === 'archive',
        favourite: folderKey === 'starred',
        line,
      };
    },
  });
}
