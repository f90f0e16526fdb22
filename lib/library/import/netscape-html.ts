import { decodeCharacterReferences } from '../../character-references';
import { normalizeTags } from '../tags';
import { normalizeUrl } from '../url-normalize';
import { epochToMs, lineLocator, type ImportedItem, type ImportParseResult, type SkippedEntry } from './import-types';

/**
 * Netscape bookmark files (every browser's "export bookmarks", Pocket's and Raindrop's HTML exports):
 * `<DT><H3>Folder</H3><DL><p> … <DT><A HREF=… ADD_DATE=… TAGS=…>Title</A> … </DL>`. Read with a small
 * tag scanner rather than a DOM so it runs anywhere (background included) and knows each link's line.
 * The folders a link sits in become its tags; a folder named "Archive" or "Read Archive" means archived.
 */

const TAG = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>/gi;
const ATTRIBUTE = /([a-z_][a-z0-9_-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
/** Browser-made top folders: not topics, so not tags. */
const ROOT_FOLDER_ATTRIBUTES = ['personal_toolbar_folder', 'unfiled_bookmarks_folder'];
const ARCHIVE_FOLDER = /^(?:read )?archived?$/i;

function attributesOf(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes[match[1]!.toLowerCase()] = decodeCharacterReferences(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

interface Folder {
  name: string;
  /** Whether it becomes a tag. */
  tag: boolean;
  archive: boolean;
}

export function parseNetscapeHtml(text: string): ImportParseResult {
  if (!/<a\b[^>]*\bhref\s*=/i.test(text) && !/<!DOCTYPE NETSCAPE-Bookmark-file/i.test(text)) {
    return { ok: false, format: 'netscape-html', message: 'This file has no bookmarks: no <A HREF=…> links were found.' };
  }
  const lineAt = lineLocator(text);
  const items: ImportedItem[] = [];
  const skipped: SkippedEntry[] = [];
  const open: Folder[] = [];
  let pendingFolder: Folder | null = null;
  let link: { attributes: Record<string, string>; line: number; titleStart: number } | null = null;
  let heading: { attributes: Record<string, string>; textStart: number } | null = null;

  for (const match of text.matchAll(TAG)) {
    const closing = match[1] === '/';
    const name = match[2]!.toLowerCase();
    const at = match.index ?? 0;
    if (!closing && name === 'a') {
      link = { attributes: attributesOf(match[3] ?? ''), line: lineAt(at), titleStart: at + match[0].length };
    } else if (closing && name === 'a' && link) {
      const title = decodeCharacterReferences(text.slice(link.titleStart, at).replace(/<[^>]*>/g, '')).trim();
      const href = link.attributes.href ?? '';
      const url = normalizeUrl(href);
      if (!url.ok) {
        skipped.push({ line: link.line, reason: href ? url.detail : 'a link without an address' });
      } else {
        const folderTags = open.filter((folder) => folder.tag).map((folder) => folder.name);
        items.push({
          url: url.url,
          title: title || null,
          excerpt: null,
          savedAt: epochToMs(link.attributes.add_date ?? link.attributes.time_added),
          tags: normalizeTags([...(link.attributes.tags ?? '').split(','), ...folderTags]),
          archived: open.some((folder) => folder.archive),
          favourite: false,
          line: link.line,
        });
      }
      link = null;
    } else if (!closing && (name === 'h3' || name === 'h1')) {
      heading = { attributes: attributesOf(match[3] ?? ''), textStart: at + match[0].length };
    } else if (closing && (name === 'h3' || name === 'h1') && heading) {
      const folderName = decodeCharacterReferences(text.slice(heading.textStart, at).replace(/<[^>]*>/g, '')).trim();
      const isRoot = name === 'h1' || ROOT_FOLDER_ATTRIBUTES.some((attribute) => attribute in heading!.attributes);
      const archive = ARCHIVE_FOLDER.test(folderName);
      pendingFolder = { name: folderName, tag: !isRoot && !archive && folderName !== '' && !/^unread$/i.test(folderName), archive };
      // Pocket's HTML export puts links right under <h1>Unread</h1>/<h1>Read Archive</h1> in a <ul>.
      if (name === 'h1') {
        open.length = 0;
        open.push(pendingFolder);
        pendingFolder = null;
      }
      heading = null;
    } else if (!closing && name === 'dl') {
      open.push(pendingFolder ?? { name: '', tag: false, archive: false });
      pendingFolder = null;
    } else if (closing && name === 'dl') {
      open.pop();
    }
  }
  return { ok: true, format: 'netscape-html', items, skipped };
}
