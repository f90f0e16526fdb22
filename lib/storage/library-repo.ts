import type { Article } from '../extract/types';
import { contentRecord, newArticleRecord, resaveArticleRecord, titleKey } from '../library/article-record';
import { normalizeTags } from '../library/tags';
import { articleKey } from '../library/url-normalize';
import { openWithin, type OpenLimits } from './connection';
import { isReadableContent } from './record-check';
import type { LibraryDb } from './db';
import type { ArticleRecord, ContentRecord, Flag, ReadingProgress, SyncedField } from './schema';
import { attempt, storageFailure, type StorageResult } from './storage-errors';

/** Writes to saved articles. Every function returns a typed result and never throws. */

export interface SaveArticleInput {
  article: Article;
  /** The address of the tab the article was read in; the article's own (canonical) URL wins when set. */
  pageUrl: string;
  tags?: readonly string[];
  now?: number;
  /** How long a save waits for a database whose upgrade another connection blocks (./connection.ts). */
  open?: OpenLimits;
}

export interface SaveArticleOutcome {
  record: ArticleRecord;
  /** False when the article was already saved and was updated instead. */
  created: boolean;
}

export async function saveArticle(db: LibraryDb, { article, pageUrl, tags = [], now = Date.now(), open }: SaveArticleInput): Promise<StorageResult<SaveArticleOutcome>> {
  const key = articleKey(pageUrl, article.url);
  if (!key.ok) return { ok: false, error: storageFailure('invalid', key.detail) };
  const id = key.url;
  // Opened first, within a bounded wait: a transaction queued on a blocked open would wait forever, or
  // commit long after the user was told the save failed.
  const opened = await attempt(() => openWithin(db, open));
  if (!opened.ok) return opened;
  return attempt(() =>
    db.transaction('rw', [db.articles, db.contents, db.trash, db.tombstones], async () => {
      const existing = await db.articles.get(id);
      const record = existing
        ? resaveArticleRecord(existing, article, id, now, tags)
        : newArticleRecord(article, { id, url: id, now, tags });
      // Issued together: one round trip to the database instead of four in a row (under load each round
      // trip can wait for a time slice; this is most of a save's tail latency).
      await Promise.all([
        db.articles.put(record),
        db.contents.put(contentRecord(id, article)),
        // Saving again after a delete brings the article back as new: the deletion is forgotten.
        db.trash.delete(id),
        db.tombstones.delete(id),
      ]);
      return { record, created: !existing };
    }),
  );
}

export interface SavedArticle {
  record: ArticleRecord;
  content: ContentRecord | null;
}

export async function getArticle(db: LibraryDb, id: string): Promise<StorageResult<SavedArticle>> {
  const result = await attempt(async () => {
    const [record, content] = await Promise.all([db.articles.get(id), db.contents.get(id)]);
    // A body that cannot be decoded is treated as missing (the page offers to download it again).
    return record ? { record, content: isReadableContent(content) ? content : null } : null;
  });
  if (!result.ok) return result;
  return result.value ? { ok: true, value: result.value } : { ok: false, error: storageFailure('not-found', id) };
}

/** Whether the page at `pageUrl` (or its canonical URL) is saved: drives "Saved ✓". */
export async function findSaved(db: LibraryDb, pageUrl: string, canonicalUrl?: string | null): Promise<StorageResult<ArticleRecord | null>> {
  const candidates = new Set<string>();
  for (const key of [articleKey(pageUrl, canonicalUrl), articleKey(pageUrl)]) if (key.ok) candidates.add(key.url);
  return attempt(async () => {
    for (const id of candidates) {
      const record = await db.articles.get(id);
      if (record) return record;
    }
    return null;
  });
}

/** Applies `change` to each listed article in one transaction; missing ids are skipped and not counted. */
async function updateEach(
  db: LibraryDb,
  ids: readonly string[],
  change: (record: ArticleRecord) => ArticleRecord | null,
): Promise<StorageResult<number>> {
  return attempt(() =>
    db.transaction('rw', db.articles, async () => {
      const records = await db.articles.bulkGet([...ids]);
      const changed = records.flatMap((record) => {
        const next = record ? change(record) : null;
        return next ? [next] : [];
      });
      await db.articles.bulkPut(changed);
      return changed.length;
    }),
  );
}

function touched(record: ArticleRecord, fields: readonly SyncedField[], now: number): Pick<ArticleRecord, 'updatedAt' | 'fieldUpdatedAt'> {
  const fieldUpdatedAt = { ...record.fieldUpdatedAt };
  for (const field of fields) fieldUpdatedAt[field] = now;
  return { updatedAt: now, fieldUpdatedAt };
}

const flag = (value: boolean): Flag => (value ? 1 : 0);

export function setArchived(db: LibraryDb, ids: readonly string[], archived: boolean, now = Date.now()) {
  return updateEach(db, ids, (record) =>
    record.archived === flag(archived) ? null : { ...record, archived: flag(archived), ...touched(record, ['archived'], now) },
  );
}

export function setFavourite(db: LibraryDb, ids: readonly string[], favourite: boolean, now = Date.now()) {
  return updateEach(db, ids, (record) =>
    record.favourite === flag(favourite) ? null : { ...record, favourite: flag(favourite), ...touched(record, ['favourite'], now) },
  );
}

export function setTitle(db: LibraryDb, id: string, title: string, now = Date.now()) {
  const clean = title.trim();
  if (!clean) return Promise.resolve({ ok: false, error: storageFailure('invalid', 'empty title') } as const);
  return updateEach(db, [id], (record) => ({ ...record, title: clean, titleKey: titleKey(clean), ...touched(record, ['title'], now) }));
}

export function setTags(db: LibraryDb, id: string, tags: readonly string[], now = Date.now()) {
  return updateEach(db, [id], (record) => ({ ...record, tags: normalizeTags(tags), ...touched(record, ['tags'], now) }));
}

/** Adds and removes tags on many articles at once (the library's bulk tag action). */
export function changeTags(db: LibraryDb, ids: readonly string[], add: readonly string[], remove: readonly string[], now = Date.now()) {
  const removed = new Set(normalizeTags(remove));
  return updateEach(db, ids, (record) => {
    const tags = normalizeTags([...record.tags, ...add]).filter((tag) => !removed.has(tag));
    const same = tags.length === record.tags.length && tags.every((tag, i) => tag === record.tags[i]);
    return same ? null : { ...record, tags, ...touched(record, ['tags'], now) };
  });
}

export interface ProgressUpdate extends ReadingProgress {
  /** The reader reached the end: mark the article read. */
  finished?: boolean;
}

export function setProgress(db: LibraryDb, id: string, update: ProgressUpdate, now = Date.now()) {
  const percent = Math.min(100, Math.max(0, Number.isFinite(update.percent) ? update.percent : 0));
  const scrollY = Math.max(0, Number.isFinite(update.scrollY) ? update.scrollY : 0);
  return updateEach(db, [id], (record) => {
    const read = update.finished ? 1 : record.read;
    return {
      ...record,
      progress: { ...record.progress, percent, scrollY },
      read,
      readAt: read && !record.read ? now : record.readAt,
      ...touched(record, ['progress'], now),
    };
  });
}

export function setRead(db: LibraryDb, ids: readonly string[], read: boolean, now = Date.now()) {
  return updateEach(db, ids, (record) =>
    record.read === flag(read)
      ? null
      : {
          ...record,
          read: flag(read),
          readAt: read ? now : null,
          progress: read ? record.progress : { percent: 0, scrollY: 0 },
          ...touched(record, ['progress'], now),
        },
  );
}

/** Stores a body downloaded later (imported articles) or records why the download failed. */
export async function storeDownloadedContent(
  db: LibraryDb,
  id: string,
  outcome: { ok: true; article: Article } | { ok: false; detail: string },
  now = Date.now(),
): Promise<StorageResult<ArticleRecord>> {
  const result = await attempt(() =>
    db.transaction('rw', [db.articles, db.contents], async () => {
      const existing = await db.articles.get(id);
      if (!existing) return null;
      if (!outcome.ok) {
        const failed: ArticleRecord = { ...existing, contentState: 'failed', contentError: outcome.detail, updatedAt: now };
        await db.articles.put(failed);
        return failed;
      }
      const refreshed = resaveArticleRecord(existing, outcome.article, existing.url, now);
      // An imported title is what the user knew the article by; keep it unless it was only the URL.
      const keepTitle = existing.title !== existing.url;
      const record = keepTitle
        ? { ...refreshed, title: existing.title, titleKey: existing.titleKey, fieldUpdatedAt: { ...refreshed.fieldUpdatedAt, title: existing.fieldUpdatedAt.title } }
        : refreshed;
      await db.articles.put(record);
      await db.contents.put(contentRecord(id, outcome.article));
      return record;
    }),
  );
  if (!result.ok) return result;
  return result.value ? { ok: true, value: result.value } : { ok: false, error: storageFailure('not-found', id) };
}
