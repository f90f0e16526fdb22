import { siteFromUrl } from '@/lib/library/url-normalize';
import { toSyncEntry, type SyncEntry as LibrarySyncEntry, type SyncTombstone } from '@/lib/storage/library-repo-sync';
import { SYNCED_FIELDS, type ArticleRecord, type SyncedField } from '@/lib/storage/schema';
import type { LibraryIndexEntry } from '@/lib/sync';
import { representable } from '@/lib/sync/library-view';

/**
 * Between the library's records (lib/storage) and the sync engine's index entries (lib/sync). The engine
 * settles conflicts itself (per-field CRDT), so its result is applied as the newest value of each field
 * that differs from the library's; fields it cannot represent (scroll offset, excerpt) stay local.
 */

export function toIndexEntry(entry: LibrarySyncEntry): LibraryIndexEntry {
  return {
    url: entry.url,
    title: entry.title,
    site: entry.siteName ?? siteFromUrl(entry.url),
    savedAt: entry.savedAt,
    tags: entry.tags,
    archived: entry.archived,
    favourite: entry.favourite,
    progress: entry.progress.percent / 100,
    deleted: false,
  };
}

export function tombstoneEntry({ url }: SyncTombstone): LibraryIndexEntry {
  return { url, title: '', site: '', savedAt: 0, tags: [], archived: false, favourite: false, progress: 0, deleted: true };
}

/** The fields whose value, as sync can represent it, differs. */
function changedFields(local: LibraryIndexEntry, remote: LibraryIndexEntry): SyncedField[] {
  const a = representable(local);
  const b = representable(remote);
  const sameTags = a.tags.length === b.tags.length && a.tags.every((tag) => b.tags.includes(tag));
  const differs: Record<SyncedField, boolean> = {
    title: a.title !== b.title,
    tags: !sameTags,
    archived: local.archived !== remote.archived,
    favourite: local.favourite !== remote.favourite,
    progress: a.progress !== b.progress,
  };
  return SYNCED_FIELDS.filter((field) => differs[field]);
}

/** What applyRemoteEntries needs for the engine's changes, given the library's current records. */
export function toRemoteChanges(
  changes: readonly LibraryIndexEntry[],
  locals: ReadonlyMap<string, ArticleRecord>,
  now: number,
): { entries: LibrarySyncEntry[]; tombstones: SyncTombstone[] } {
  const entries: LibrarySyncEntry[] = [];
  const tombstones: SyncTombstone[] = [];
  for (const change of changes) {
    if (change.deleted) {
      tombstones.push({ url: change.url, deletedAt: now });
      continue;
    }
    const record = locals.get(change.url);
    const percent = Math.round(change.progress * 1000) / 10;
    if (!record) {
      // New on this device: the index only; the body downloads when the article is first opened.
      entries.push({
        url: change.url,
        title: change.title,
        siteName: change.site || null,
        excerpt: null,
        readingMinutes: 0,
        savedAt: change.savedAt,
        tags: change.tags,
        archived: change.archived,
        favourite: change.favourite,
        progress: { percent, scrollY: 0, read: percent >= 100 },
        fieldUpdatedAt: { title: now, tags: now, archived: now, favourite: now, progress: now },
      });
      continue;
    }
    const local = toSyncEntry(record);
    const fields = changedFields(toIndexEntry(local), change);
    if (fields.length === 0) continue;
    const next: LibrarySyncEntry = { ...local, fieldUpdatedAt: { ...local.fieldUpdatedAt } };
    for (const field of fields) {
      next.fieldUpdatedAt[field] = now;
      if (field === 'title') next.title = change.title;
      if (field === 'tags') next.tags = change.tags;
      if (field === 'archived') next.archived = change.archived;
      if (field === 'favourite') next.favourite = change.favourite;
      if (field === 'progress') next.progress = { ...local.progress, percent, read: local.progress.read || percent >= 100 };
    }
    entries.push(next);
  }
  return { entries, tombstones };
}
