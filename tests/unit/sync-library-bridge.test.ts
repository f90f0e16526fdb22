import { describe, expect, it } from 'vitest';
import { tombstoneEntry, toIndexEntry, toRemoteChanges } from '../../entrypoints/background/sync-entry-mapping';
import { getArticle, saveArticle, setProgress, setTags } from '../../lib/storage/library-repo';
import { applyRemoteEntries, listChangedSince } from '../../lib/storage/library-repo-sync';
import type { ArticleRecord } from '../../lib/storage/schema';
import type { LibraryIndexEntry } from '../../lib/sync';
import { freshDb, makeArticle } from './library-test-helpers';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const remote = (overrides: Partial<LibraryIndexEntry>): LibraryIndexEntry => ({
  url: 'https://e.com/1',
  title: 'Local',
  site: 'Example',
  savedAt: 100_000,
  tags: [],
  archived: false,
  favourite: false,
  progress: 0,
  deleted: false,
  ...overrides,
});

describe('library ↔ sync engine mapping', () => {
  it('hands the engine each changed article and each deletion', async () => {
    const db = freshDb();
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1', title: 'One', siteName: null }), pageUrl: 'https://e.com/1', now: 100 });
    await setProgress(db, 'https://e.com/1', { percent: 42, scrollY: 900 }, 200);
    const [entry] = unwrap(await listChangedSince(db, -1)).entries;
    expect(toIndexEntry(entry!)).toEqual({ url: 'https://e.com/1', title: 'One', site: 'e.com', savedAt: 100, tags: [], archived: false, favourite: false, progress: 0.42, deleted: false });
    expect(tombstoneEntry({ url: 'https://e.com/2', deletedAt: 5 })).toMatchObject({ url: 'https://e.com/2', deleted: true });
  });

  it("applies another device's article as an index entry whose body downloads on first open", async () => {
    const db = freshDb();
    const changes = toRemoteChanges([remote({ url: 'https://other.org/a', title: 'From the phone', tags: ['later'], progress: 0.25 })], new Map(), 1_000);
    unwrap(await applyRemoteEntries(db, changes, 1_000));
    const saved = unwrap(await getArticle(db, 'https://other.org/a'));
    expect(saved.record).toMatchObject({ title: 'From the phone', tags: ['later'], contentState: 'pending', progress: { percent: 25, scrollY: 0 } });
    expect(saved.content).toBeFalsy();
  });

  it('changes only the fields that differ, keeping local-only details (scroll offset, excerpt)', async () => {
    const db = freshDb();
    const { record } = unwrap(await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1', title: 'Local' }), pageUrl: 'https://e.com/1', now: 100 }));
    await setProgress(db, record.id, { percent: 50, scrollY: 1234 }, 200);
    await setTags(db, record.id, ['a'], 300);
    const local = (await db.articles.get(record.id)) as ArticleRecord;
    const unchanged = toRemoteChanges([remote({ title: 'Local', tags: ['a'], progress: 0.5 })], new Map([[local.id, local]]), 1_000);
    expect(unchanged.entries).toEqual([]);

    const changed = toRemoteChanges([remote({ title: 'Local', tags: ['a'], progress: 0.5, archived: true })], new Map([[local.id, local]]), 1_000);
    unwrap(await applyRemoteEntries(db, changed, 1_000));
    const after = (await db.articles.get(record.id)) as ArticleRecord;
    expect(after).toMatchObject({ archived: 1, progress: { percent: 50, scrollY: 1234 }, excerpt: 'An excerpt.', tags: ['a'] });
    expect(after.fieldUpdatedAt).toMatchObject({ archived: 1_000, tags: 300, progress: 200 });
  });

  it('a long title clipped by sync does not count as a change', async () => {
    const db = freshDb();
    const long = 'A very long headline '.repeat(10).trim();
    const { record } = unwrap(await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1', title: long }), pageUrl: 'https://e.com/1', now: 100 }));
    const clipped = `${long.slice(0, 119)}…`;
    expect(toRemoteChanges([remote({ title: clipped })], new Map([[record.id, record]]), 1_000).entries).toEqual([]);
  });

  it('a remote deletion removes the article', async () => {
    const db = freshDb();
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1' }), pageUrl: 'https://e.com/1', now: 100 });
    unwrap(await applyRemoteEntries(db, toRemoteChanges([remote({ deleted: true })], new Map(), 1_000), 1_000));
    expect(await db.articles.get('https://e.com/1')).toBeUndefined();
  });
});

describe('sync status sentence', () => {
  const base = { pending: false, lastError: null, retryAt: null, syncedCount: 10, totalCount: 10 };
  it('says how many articles fit when the quota is full, and when a paused sync retries', async () => {
    const { syncStatusText } = await import('../../components/settings/SyncStatusLine');
    const at = () => '15:42';
    expect(syncStatusText(null, at)).toMatch(/not run/);
    expect(syncStatusText(base, at)).toBe('10 of 10 articles synced.');
    expect(syncStatusText({ ...base, syncedCount: 640, totalCount: 2000 }, at)).toMatch(/^640 of 2000 articles synced: browser sync storage is full/);
    expect(syncStatusText({ ...base, lastError: 'QUOTA_BYTES quota exceeded', retryAt: 1 }, at)).toBe(
      'Sync is paused: your browser’s sync storage refused a change: it is full. Folio keeps your changes and tries again at 15:42.',
    );
    // Chrome's and Firefox's own words for a refused write, and the engine's own messages as they are.
    expect(syncStatusText({ ...base, lastError: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.', retryAt: 1 }, at)).toBe(
      'Sync is paused: your browser’s sync refused a change (it accepts 120 a minute). Folio keeps your changes and tries again at 15:42.',
    );
    expect(syncStatusText({ ...base, lastError: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.', retryAt: 1 }, at)).toMatch(/1,800 an hour/);
    expect(syncStatusText({ ...base, lastError: 'QuotaExceededError: storage.sync API call exceeded its quota limitations.', retryAt: 1 }, at)).toMatch(/it is full/);
    expect(syncStatusText({ ...base, lastError: 'storage.sync could not be read: offline', retryAt: null }, at)).toBe('Sync is paused: storage.sync could not be read: offline.');
  });
});
