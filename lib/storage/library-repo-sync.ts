import { allFieldsAt, titleKey } from '../library/article-record';
import { normalizeTags } from '../library/tags';
import { siteFromUrl } from '../library/url-normalize';
import type { LibraryDb } from './db';
import { SCHEMA_VERSION, SYNCED_FIELDS, type ArticleRecord, type SyncedField } from './schema';
import { attempt, type StorageResult } from './storage-errors';

/**
 * What the sync engine (lib/sync) reads and writes: the library index without bodies. Conflicts are
 * settled per field, last writer wins by `fieldUpdatedAt`; a deletion wins over edits made before it
 * and loses to edits made after it. Bodies never sync: another device downloads them on first open.
 */

export interface SyncEntry {
  url: string;
  title: string;
  siteName: string | null;
  excerpt: string | null;
  readingMinutes: number;
  savedAt: number;
  tags: string[];
  archived: boolean;
  favourite: boolean;
  progress: { percent: number; scrollY: number; read: boolean };
  fieldUpdatedAt: Record<SyncedField, number>;
}

export interface SyncTombstone {
  url: string;
  deletedAt: number;
}

export interface SyncChanges {
  entries: SyncEntry[];
  tombstones: SyncTombstone[];
  /** The newest local change included: pass it as `since` next time. */
  until: number;
}

export function toSyncEntry(record: ArticleRecord): SyncEntry {
  return {
    url: record.id,
    title: record.title,
    siteName: record.siteName,
    excerpt: record.excerpt,
    readingMinutes: record.readingMinutes,
    savedAt: record.savedAt,
    tags: record.tags,
    archived: record.archived === 1,
    favourite: record.favourite === 1,
    progress: { percent: record.progress.percent, scrollY: record.progress.scrollY, read: record.read === 1 },
    fieldUpdatedAt: record.fieldUpdatedAt,
  };
}

/** Articles changed and deletions made after `since` (epoch ms, exclusive). */
export function listChangedSince(db: LibraryDb, since: number): Promise<StorageResult<SyncChanges>> {
  return attempt(async () => {
    const [records, tombstones] = await Promise.all([
      db.articles.where('updatedAt').above(since).toArray(),
      db.tombstones.where('deletedAt').above(since).toArray(),
    ]);
    const until = Math.max(since, ...records.map((r) => r.updatedAt), ...tombstones.map((t) => t.deletedAt));
    return { entries: records.map(toSyncEntry), tombstones: tombstones.map(({ url, deletedAt }) => ({ url, deletedAt })), until };
  });
}

const newestField = (times: Record<SyncedField, number>) => Math.max(...SYNCED_FIELDS.map((field) => times[field]));

function applyField(record: ArticleRecord, entry: SyncEntry, field: SyncedField): ArticleRecord {
  switch (field) {
    case 'title':
      return { ...record, title: entry.title, titleKey: titleKey(entry.title) };
    case 'tags':
      return { ...record, tags: normalizeTags(entry.tags) };
    case 'archived':
      return { ...record, archived: entry.archived ? 1 : 0 };
    case 'favourite':
      return { ...record, favourite: entry.favourite ? 1 : 0 };
    case 'progress':
      return {
        ...record,
        progress: { ...record.progress, percent: entry.progress.percent, scrollY: entry.progress.scrollY },
        read: entry.progress.read ? 1 : 0,
        readAt: entry.progress.read ? (record.readAt ?? entry.fieldUpdatedAt.progress) : null,
      };
  }
}

function recordFromEntry(entry: SyncEntry, now: number): ArticleRecord {
  let record: ArticleRecord = {
    schemaVersion: SCHEMA_VERSION,
    id: entry.url,
    url: entry.url,
    title: entry.title,
    titleKey: titleKey(entry.title),
    byline: null,
    siteName: entry.siteName ?? (siteFromUrl(entry.url) || null),
    siteIcon: null,
    publishedTime: null,
    lang: null,
    dir: null,
    excerpt: entry.excerpt,
    leadImage: null,
    wordCount: 0,
    readingMinutes: entry.readingMinutes,
    savedAt: entry.savedAt,
    tags: [],
    archived: 0,
    favourite: 0,
    read: 0,
    readAt: null,
    progress: { percent: 0, scrollY: 0 },
    contentState: 'pending',
    contentError: null,
    source: 'save',
    updatedAt: now,
    fieldUpdatedAt: allFieldsAt(0),
  };
  for (const field of SYNCED_FIELDS) record = applyField(record, entry, field);
  return { ...record, fieldUpdatedAt: { ...entry.fieldUpdatedAt } };
}

export interface ApplyOutcome {
  created: number;
  updated: number;
  deleted: number;
}

/**
 * Merges another device's changes. Local `updatedAt` becomes `now` for every record changed, so the
 * search index and the next `listChangedSince` see them (the engine may send them back: merging is
 * idempotent).
 */
export function applyRemoteEntries(
  db: LibraryDb,
  { entries, tombstones }: { entries: readonly SyncEntry[]; tombstones: readonly SyncTombstone[] },
  now = Date.now(),
): Promise<StorageResult<ApplyOutcome>> {
  return attempt(() =>
    db.transaction('rw', [db.articles, db.contents, db.highlights, db.tombstones, db.trash, db.images], async () => {
      const outcome: ApplyOutcome = { created: 0, updated: 0, deleted: 0 };
      for (const entry of entries) {
        const [local, tombstone] = await Promise.all([db.articles.get(entry.url), db.tombstones.get(entry.url)]);
        if (!local) {
          if (tombstone && tombstone.deletedAt >= newestField(entry.fieldUpdatedAt)) continue;
          await db.articles.put(recordFromEntry(entry, now));
          await db.tombstones.delete(entry.url);
          outcome.created += 1;
          continue;
        }
        let merged = local;
        const fieldUpdatedAt = { ...local.fieldUpdatedAt };
        for (const field of SYNCED_FIELDS) {
          if (entry.fieldUpdatedAt[field] > local.fieldUpdatedAt[field]) {
            merged = applyField(merged, entry, field);
            fieldUpdatedAt[field] = entry.fieldUpdatedAt[field];
          }
        }
        const savedAt = Math.min(local.savedAt, entry.savedAt);
        if (merged !== local || savedAt !== local.savedAt) {
          await db.articles.put({ ...merged, savedAt, fieldUpdatedAt, updatedAt: now });
          outcome.updated += 1;
        }
      }
      for (const { url, deletedAt } of tombstones) {
        const local = await db.articles.get(url);
        if (local && newestField(local.fieldUpdatedAt) > deletedAt) continue;
        if (local) {
          await db.articles.delete(url);
          await db.contents.delete(url);
          await db.highlights.where('articleId').equals(url).delete();
          await db.images.where('articleId').equals(url).delete();
          outcome.deleted += 1;
        }
        const existing = await db.tombstones.get(url);
        if (!existing || existing.deletedAt < deletedAt) await db.tombstones.put({ schemaVersion: SCHEMA_VERSION, url, deletedAt });
      }
      return outcome;
    }),
  );
}
