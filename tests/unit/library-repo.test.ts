import { describe, expect, it } from 'vitest';
import {
  changeTags,
  findSaved,
  getArticle,
  saveArticle,
  setArchived,
  setFavourite,
  setProgress,
  setRead,
  setTags,
  storeDownloadedContent,
} from '../../lib/storage/library-repo';
import { getArticleRecords, listArticleIds, listArticles, listTags } from '../../lib/storage/library-repo-query';
import { deleteArticles, purgeTrash, restoreArticles, UNDO_WINDOW_MS } from '../../lib/storage/library-repo-trash';
import { freshDb, makeArticle } from './library-test-helpers';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.message} (${(result.error as { detail?: string }).detail})`);
  return result.value;
}

describe('saving', () => {
  it('saves an article under its normalised URL, metadata apart from the body', async () => {
    const db = freshDb();
    const outcome = unwrap(await saveArticle(db, { article: makeArticle({ url: null }), pageUrl: 'https://Example.com/post?utm_source=x#c', now: 1000 }));
    expect(outcome.created).toBe(true);
    expect(outcome.record.id).toBe('https://example.com/post');
    expect(outcome.record).toMatchObject({ savedAt: 1000, archived: 0, favourite: 0, read: 0, schemaVersion: 2, contentState: 'stored' });
    expect(outcome.record).not.toHaveProperty('content');
    const saved = unwrap(await getArticle(db, 'https://example.com/post'));
    expect(saved.content?.content).toBe('<p>The quick brown fox jumps over the lazy dog.</p>');
  });

  it('updates instead of duplicating, keeping tags, flags, progress and the first saved date', async () => {
    const db = freshDb();
    const first = unwrap(await saveArticle(db, { article: makeArticle(), pageUrl: 'https://example.com/post', tags: ['Tech'], now: 1000 }));
    unwrap(await setFavourite(db, [first.record.id], true, 1500));
    unwrap(await setProgress(db, first.record.id, { percent: 40, scrollY: 800 }, 1600));
    const again = unwrap(
      await saveArticle(db, { article: makeArticle({ title: 'A post, revised', textContent: 'New body' }), pageUrl: 'https://example.com/post?fbclid=1', now: 2000 }),
    );
    expect(again.created).toBe(false);
    expect(again.record).toMatchObject({ savedAt: 1000, updatedAt: 2000, favourite: 1, tags: ['tech'], title: 'A post, revised' });
    expect(again.record.progress).toEqual({ percent: 40, scrollY: 800 });
    expect(again.record.fieldUpdatedAt.title).toBe(2000);
    expect(again.record.fieldUpdatedAt.favourite).toBe(1500);
    expect(await db.articles.count()).toBe(1);
    expect(unwrap(await getArticle(db, again.record.id)).content?.textContent).toBe('New body');
  });

  it('refuses an address that cannot be saved with a message, storing nothing', async () => {
    const db = freshDb();
    const result = await saveArticle(db, { article: makeArticle({ url: null }), pageUrl: 'chrome://settings' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('invalid');
    expect(await db.articles.count()).toBe(0);
  });

  it('finds the saved state by page or canonical URL', async () => {
    const db = freshDb();
    await saveArticle(db, { article: makeArticle({ url: 'https://example.com/canonical' }), pageUrl: 'https://m.example.com/amp' });
    expect(unwrap(await findSaved(db, 'https://m.example.com/amp', 'https://example.com/canonical'))?.id).toBe('https://example.com/canonical');
    expect(unwrap(await findSaved(db, 'https://example.com/canonical#x'))?.id).toBe('https://example.com/canonical');
    expect(unwrap(await findSaved(db, 'https://example.com/other'))).toBeNull();
  });
});

describe('changing saved articles', () => {
  it('archives, favourites and tags many at once, stamping only the changed fields', async () => {
    const db = freshDb();
    const ids = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push(unwrap(await saveArticle(db, { article: makeArticle({ url: `https://example.com/${i}` }), pageUrl: `https://example.com/${i}`, now: 100 })).record.id);
    }
    expect(unwrap(await setArchived(db, ids.slice(0, 2), true, 200))).toBe(2);
    expect(unwrap(await setArchived(db, ids.slice(0, 2), true, 300))).toBe(0);
    unwrap(await changeTags(db, ids, ['Reading', 'work'], [], 400));
    unwrap(await changeTags(db, [ids[0]!], [], ['work'], 500));
    const records = await db.articles.bulkGet(ids);
    expect(records.map((r) => r?.archived)).toEqual([1, 1, 0]);
    expect(records.map((r) => r?.tags)).toEqual([['reading'], ['reading', 'work'], ['reading', 'work']]);
    expect(records[0]?.fieldUpdatedAt).toMatchObject({ archived: 200, tags: 500, favourite: 100 });
    unwrap(await setTags(db, ids[2]!, [' Deep  Work ', 'deep work'], 600));
    expect((await db.articles.get(ids[2]!))?.tags).toEqual(['deep work']);
  });

  it('keeps reading progress, marks read at the end, and can mark unread again', async () => {
    const db = freshDb();
    const { record } = unwrap(await saveArticle(db, { article: makeArticle(), pageUrl: 'https://example.com/post', now: 1 }));
    unwrap(await setProgress(db, record.id, { percent: 250, scrollY: -5 }, 2));
    expect((await db.articles.get(record.id))?.progress).toEqual({ percent: 100, scrollY: 0 });
    unwrap(await setProgress(db, record.id, { percent: 100, scrollY: 3000, finished: true }, 3));
    expect(await db.articles.get(record.id)).toMatchObject({ read: 1, readAt: 3 });
    unwrap(await setRead(db, [record.id], false, 4));
    expect(await db.articles.get(record.id)).toMatchObject({ read: 0, readAt: null, progress: { percent: 0, scrollY: 0 } });
  });

  it('stores a later-downloaded body for an imported article, or why it failed', async () => {
    const db = freshDb();
    const { record } = unwrap(await saveArticle(db, { article: makeArticle({ title: 'Imported title' }), pageUrl: 'https://example.com/post', now: 1 }));
    await db.articles.update(record.id, { contentState: 'pending' });
    const failed = unwrap(await storeDownloadedContent(db, record.id, { ok: false, detail: 'HTTP 404' }, 2));
    expect(failed).toMatchObject({ contentState: 'failed', contentError: 'HTTP 404' });
    const stored = unwrap(await storeDownloadedContent(db, record.id, { ok: true, article: makeArticle({ title: 'Page title', textContent: 'Body' }) }, 3));
    expect(stored).toMatchObject({ contentState: 'stored', contentError: null, title: 'Imported title' });
    expect((await db.contents.get(record.id))?.textContent).toBe('Body');
    expect((await storeDownloadedContent(db, 'https://example.com/none', { ok: false, detail: 'x' })).ok).toBe(false);
  });
});

describe('delete with undo', () => {
  it('moves articles to the trash, restores them whole, and purges them into tombstones later', async () => {
    const db = freshDb();
    const { record } = unwrap(await saveArticle(db, { article: makeArticle(), pageUrl: 'https://example.com/post', tags: ['a'], now: 1 }));
    await db.highlights.put({
      schemaVersion: 2, id: 'h1', articleId: record.id, selector: { exact: 'fox', prefix: 'brown ', suffix: ' jumps' },
      position: { start: 16, end: 19 }, color: 'yellow', note: '', createdAt: 1, updatedAt: 1,
    });
    expect(unwrap(await deleteArticles(db, [record.id, 'https://example.com/missing'], 10))).toEqual([record.id]);
    expect(await db.articles.count()).toBe(0);
    expect(await db.highlights.count()).toBe(0);
    expect(unwrap(await listArticles(db)).total).toBe(0);

    expect(unwrap(await restoreArticles(db, [record.id], 20))).toEqual([record.id]);
    expect(await db.articles.get(record.id)).toMatchObject({ tags: ['a'], savedAt: 1, updatedAt: 20 });
    expect((await db.contents.get(record.id))?.textContent).toContain('fox');
    expect(await db.highlights.count()).toBe(1);
    expect(await db.trash.count()).toBe(0);

    unwrap(await deleteArticles(db, [record.id], 30));
    expect(unwrap(await purgeTrash(db, 30 + UNDO_WINDOW_MS - 1))).toBe(0);
    expect(unwrap(await purgeTrash(db, 31 + UNDO_WINDOW_MS))).toBe(1);
    expect(await db.trash.count()).toBe(0);
    expect(await db.tombstones.get(record.id)).toMatchObject({ url: record.id, deletedAt: 30 });

    // Saving it again forgets the deletion.
    unwrap(await saveArticle(db, { article: makeArticle(), pageUrl: 'https://example.com/post', now: 40 }));
    expect(await db.tombstones.count()).toBe(0);
  });
});

describe('listing', () => {
  async function seed() {
    const db = freshDb();
    const specs = [
      { n: 0, title: 'Banana', minutes: 5, archived: false, favourite: true, read: false, tags: ['fruit'] },
      { n: 1, title: 'apple', minutes: 12, archived: false, favourite: false, read: true, tags: ['fruit', 'red'] },
      { n: 2, title: 'Cherry', minutes: 1, archived: true, favourite: true, read: false, tags: ['red'] },
      { n: 3, title: 'date', minutes: 8, archived: false, favourite: false, read: false, tags: [] },
      { n: 4, title: 'Elder', minutes: 3, archived: true, favourite: false, read: true, tags: ['fruit'] },
    ];
    for (const spec of specs) {
      const url = `https://example.com/${spec.n}`;
      const { record } = unwrap(
        await saveArticle(db, { article: makeArticle({ url, title: spec.title, readingMinutes: spec.minutes }), pageUrl: url, tags: spec.tags, now: 1000 + spec.n }),
      );
      if (spec.archived) await setArchived(db, [record.id], true);
      if (spec.favourite) await setFavourite(db, [record.id], true);
      if (spec.read) await setRead(db, [record.id], true);
    }
    return db;
  }
  const titles = (page: { items: { title: string }[] }) => page.items.map((item) => item.title);

  it('filters by status, favourite and tag, with totals', async () => {
    const db = await seed();
    expect(titles(unwrap(await listArticles(db)))).toEqual(['date', 'apple', 'Banana']);
    expect(titles(unwrap(await listArticles(db, { status: 'unread' })))).toEqual(['date', 'Banana']);
    expect(titles(unwrap(await listArticles(db, { status: 'archived' })))).toEqual(['Elder', 'Cherry']);
    expect(titles(unwrap(await listArticles(db, { status: 'all', favourite: true })))).toEqual(['Cherry', 'Banana']);
    expect(titles(unwrap(await listArticles(db, { status: 'inbox', favourite: true })))).toEqual(['Banana']);
    expect(unwrap(await listArticles(db, { status: 'inbox', favourite: true })).total).toBe(1);
    expect(titles(unwrap(await listArticles(db, { status: 'all', tag: 'fruit' })))).toEqual(['Elder', 'apple', 'Banana']);
    expect(titles(unwrap(await listArticles(db, { status: 'archived', tag: 'red' })))).toEqual(['Cherry']);
    expect(unwrap(await listArticles(db, { status: 'all' })).total).toBe(5);
  });

  it('sorts by date, title (ignoring case) and length, and pages', async () => {
    const db = await seed();
    expect(titles(unwrap(await listArticles(db, { status: 'all', sort: 'oldest' })))).toEqual(['Banana', 'apple', 'Cherry', 'date', 'Elder']);
    expect(titles(unwrap(await listArticles(db, { status: 'all', sort: 'title' })))).toEqual(['apple', 'Banana', 'Cherry', 'date', 'Elder']);
    expect(titles(unwrap(await listArticles(db, { status: 'inbox', sort: 'longest' })))).toEqual(['apple', 'date', 'Banana']);
    expect(titles(unwrap(await listArticles(db, { status: 'all', sort: 'shortest', favourite: true })))).toEqual(['Cherry', 'Banana']);
    const second = unwrap(await listArticles(db, { status: 'all', offset: 2, limit: 2 }));
    expect(titles(second)).toEqual(['Cherry', 'apple']);
    expect(second.total).toBe(5);
    expect(titles(unwrap(await listArticles(db, { status: 'all', tag: 'fruit', sort: 'title', offset: 1, limit: 1 })))).toEqual(['Banana']);
  });

  it('lists the ids of a whole view in the same order as its pages, from indexes only', async () => {
    const db = await seed();
    const queries = [
      {},
      { status: 'unread' as const },
      { status: 'archived' as const, sort: 'title' as const },
      { status: 'all' as const, favourite: true, sort: 'oldest' as const },
      { status: 'inbox' as const, favourite: false, sort: 'longest' as const },
      { status: 'all' as const, tag: 'fruit', sort: 'shortest' as const },
      { status: 'inbox' as const, tag: 'red' },
    ];
    for (const query of queries) {
      const ids = unwrap(await listArticleIds(db, query));
      const page = unwrap(await listArticles(db, { ...query, limit: 100 }));
      expect(ids, JSON.stringify(query)).toEqual(page.items.map((item) => item.id));
      expect(ids.length).toBe(page.total);
    }
    const records = unwrap(await getArticleRecords(db, ['https://example.com/3', 'https://example.com/none', 'https://example.com/0']));
    expect(records.map((record) => record.title)).toEqual(['date', 'Banana']);
  });

  it('lists tags with counts, most used first', async () => {
    const db = await seed();
    expect(unwrap(await listTags(db))).toEqual([
      { tag: 'fruit', count: 3 },
      { tag: 'red', count: 2 },
    ]);
  });
});
