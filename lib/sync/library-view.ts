import { PROGRESS_SCALE, TITLE_MAX_CHARS } from './constants';
import { isLive } from './entry-merge';
import type { LibraryIndexEntry, SyncEntry } from './types';

/** What sync can represent of a library value: the engine only ever stores these, so a value read
 * back from storage.sync equals the value written, and comparisons never see rounding noise. */
export function representable(entry: LibraryIndexEntry): { savedSec: number; title: string; progress: number; tags: string[] } {
  return {
    savedSec: Math.floor(entry.savedAt / 1000),
    title: clipTitle(entry.title),
    progress: Math.round(Math.min(1, Math.max(0, entry.progress || 0)) * PROGRESS_SCALE),
    tags: [...new Set(entry.tags.map((t) => t.trim()).filter((t) => t.length > 0))],
  };
}

function clipTitle(title: string): string {
  if (title.length <= TITLE_MAX_CHARS) return title;
  let cut = TITLE_MAX_CHARS - 1;
  // Never split a surrogate pair.
  const code = title.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${title.slice(0, cut)}…`;
}

/** The library's view of a replicated entry (a tombstone when the article is not live). */
export function toLibraryEntry(e: SyncEntry): LibraryIndexEntry {
  const tags = Object.entries(e.tags)
    .filter(([, r]) => r.v)
    .map(([tag]) => tag)
    .sort();
  return {
    url: e.url,
    title: e.title.v,
    site: e.site.v,
    savedAt: e.saved.v * 1000,
    tags,
    archived: e.archived.v,
    favourite: e.favourite.v,
    progress: e.progress.v / PROGRESS_SCALE,
    deleted: !isLive(e),
  };
}

export function libraryEntriesEqual(a: LibraryIndexEntry, b: LibraryIndexEntry): boolean {
  if (a.deleted && b.deleted) return true;
  return (
    a.deleted === b.deleted &&
    a.title === b.title &&
    a.site === b.site &&
    a.savedAt === b.savedAt &&
    a.archived === b.archived &&
    a.favourite === b.favourite &&
    a.progress === b.progress &&
    a.tags.length === b.tags.length &&
    [...a.tags].sort().every((t, i) => t === [...b.tags].sort()[i])
  );
}
