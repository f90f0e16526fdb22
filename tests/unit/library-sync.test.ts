import { describe, expect, it } from 'vitest';
import { saveArticle, setArchived, setTags } from '../../lib/storage/library-repo';
import { applyRemoteEntries, listChangedSince, type SyncEntry } from '../../lib/storage/library-repo-sync';
import { deleteArticles, purgeTrash } from '../../lib/storage/library-repo-trash';
import { freshDb, makeArticle } from './library-test-helpers';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('sync hooks', () => {
  it('lists articles changed and deletions made since a time', async () => {
    const db = freshDb();
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1', title: 'One' }), pageUrl: 'https://e.com/1', now: 100 });
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/2', title: 'Two' }), pageUrl: 'https://e.com/2', now: 200 });
    await setTags(db, 'https://e.com/1', ['x'], 300);
    await deleteArticles(db, ['https://e.com/2'], 400);
    await purgeTrash(db, 400, 0);
    const changes = unwrap(await listChangedSince(db, 250));
    expect(changes.entries.map((entry) => [entry.url, entry.tags, entry.fieldUpdatedAt.tags])).toEqual([['https://e.com/1', ['x'], 300]]);
    expect(changes.tombstones).toEqual([{ url: 'https://e.com/2', deletedAt: 400 }]);
    expect(changes.until).toBe(400);
    expect(unwrap(await listChangedSince(db, 400))).toEqual({ entries: [], tombstones: [], until: 400 });
  });

  it('merges remote entries field by field, newest wins, and creates unknown articles without bodies', async () => {
    const db = freshDb();
    const { record } = unwrap(await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1', title: 'Local' }), pageUrl: 'https://e.com/1', now: 100 }));
    await setArchived(db, [record.id], true, 500);
    const remote: SyncEntry = {
      url: 'https://e.com/1', title: 'Remote title', siteName: 'E', excerpt: null, readingMinutes: 3, savedAt: 50, tags: ['Remote'],
      archived: false, favourite: true, progress: { percent: 80, scrollY: 900, read: false },
      fieldUpdatedAt: { title: 300, tags: 300, archived: 200, favourite: 300, progress: 50 },
    };
    const fresh: SyncEntry = { ...remote, url: 'https://e.com/new', title: 'New', fieldUpdatedAt: { title: 10, tags: 10, archived: 10, favourite: 10, progress: 10 } };
    expect(unwrap(await applyRemoteEntries(db, { entries: [remote, fresh], tombstones: [] }, 1000))).toEqual({ created: 1, updated: 1, deleted: 0 });
    expect(await db.articles.get('https://e.com/1')).toMatchObject({
      title: 'Remote title', tags: ['remote'], favourite: 1, archived: 1, progress: { percent: 0, scrollY: 0 }, savedAt: 50, updatedAt: 1000,
      fieldUpdatedAt: { title: 300, tags: 300, archived: 500, favourite: 300, progress: 100 },
    });
    expect(await db.articles.get('https://e.com/new')).toMatchObject({ title: 'New', contentState: 'pending', favourite: 1, progress: { percent: 80, scrollY: 900 } });
    // Applying the same changes again changes nothing.
    expect(unwrap(await applyRemoteEntries(db, { entries: [remote, fresh], tombstones: [] }, 2000))).toEqual({ created: 0, updated: 0, deleted: 0 });
  });

  it('applies a remote deletion unless the article was edited after it, and does not resurrect deleted articles', async () => {
    const db = freshDb();
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1' }), pageUrl: 'https://e.com/1', now: 100 });
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/2' }), pageUrl: 'https://e.com/2', now: 100 });
    await setTags(db, 'https://e.com/2', ['kept'], 900);
    const outcome = unwrap(await applyRemoteEntries(db, { entries: [], tombstones: [{ url: 'https://e.com/1', deletedAt: 500 }, { url: 'https://e.com/2', deletedAt: 500 }] }, 1000));
    expect(outcome).toEqual({ created: 0, updated: 0, deleted: 1 });
    expect(await db.articles.get('https://e.com/1')).toBeUndefined();
    expect(await db.contents.get('https://e.com/1')).toBeUndefined();
    expect(await db.articles.get('https://e.com/2')).toBeDefined();
    const stale: SyncEntry = {
      url: 'https://e.com/1', title: 'Old', siteName: null, excerpt: null, readingMinutes: 1, savedAt: 100, tags: [], archived: false, favourite: false,
      progress: { percent: 0, scrollY: 0, read: false }, fieldUpdatedAt: { title: 100, tags: 100, archived: 100, favourite: 100, progress: 100 },
    };
    expect(unwrap(await applyRemoteEntries(db, { entries: [stale], tombstones: [] }, 1100)).created).toBe(0);
    expect(unwrap(await applyRemoteEntries(db, { entries: [{ ...stale, fieldUpdatedAt: { ...stale.fieldUpdatedAt, tags: 600 } }], tombstones: [] }, 1200)).created).toBe(1);
  });
});
