import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LibraryDb } from '../../lib/storage/db';
import { MIGRATIONS } from '../../lib/storage/migrations';
import type { ArticleRecordV1 } from '../../lib/storage/migrations/v2-sync-fields';
import { LIBRARY_DB_VERSION, SCHEMA_STEPS, type ImageRecord } from '../../lib/storage/schema';
import { uniqueDbName } from './library-test-helpers';

const options = { indexedDB, IDBKeyRange };

/** An article as version 1 wrote it: the "before" data of the v1 → v2 migration. */
const articleV1: ArticleRecordV1 = {
  schemaVersion: 1,
  id: 'https://example.com/a',
  url: 'https://example.com/a',
  title: 'A',
  titleKey: 'a',
  byline: null,
  siteName: 'Example',
  siteIcon: null,
  publishedTime: null,
  lang: 'en',
  dir: 'ltr',
  excerpt: null,
  leadImage: null,
  wordCount: 900,
  readingMinutes: 4,
  savedAt: 1_000,
  tags: ['x'],
  archived: 1,
  favourite: 0,
  read: 1,
  readAt: 5_000,
  progress: { percent: 100, scrollY: 2400 },
  contentState: 'stored',
  contentError: null,
  source: 'save',
};

describe('schema declaration', () => {
  it('lists versions in order, ending at LIBRARY_DB_VERSION, each with a reason', () => {
    const versions = SCHEMA_STEPS.map((step) => step.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(LIBRARY_DB_VERSION);
    for (const step of SCHEMA_STEPS) expect(step.reason.length).toBeGreaterThan(10);
  });

  it('has a migration for every version after the first, unless the step says it changes no stored record', () => {
    for (const step of SCHEMA_STEPS.slice(1)) {
      if (step.dataUnchanged) expect(MIGRATIONS[step.version], `v${step.version} changes no data`).toBeUndefined();
      else expect(MIGRATIONS[step.version], `migration to v${step.version}`).toBeTypeOf('function');
    }
  });

  it('opens a new database at the newest version with every store', async () => {
    const db = new LibraryDb(uniqueDbName(), options);
    await db.open();
    expect(db.verno).toBe(LIBRARY_DB_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['articles', 'contents', 'highlights', 'images', 'meta', 'tombstones', 'trash']);
    db.close();
  });
});

describe('migration v1 → v2 (sync fields, tombstones, highlights)', () => {
  it('upgrades stored data: change times from what is known, schemaVersion 2 everywhere', async () => {
    const name = uniqueDbName();
    const before = new LibraryDb(name, { ...options, upToVersion: 1 });
    await before.open();
    expect(before.verno).toBe(1);
    const v1Tables = before.tables.map((table) => table.name).sort();
    expect(v1Tables).toEqual(['articles', 'contents', 'meta', 'trash']);
    await before.table('articles').put(articleV1);
    await before.table('contents').put({ schemaVersion: 1, id: articleV1.id, content: '<p>a</p>', textContent: 'a' });
    await before.table('trash').put({
      schemaVersion: 1,
      id: 'https://example.com/b',
      deletedAt: 9_000,
      article: { ...articleV1, id: 'https://example.com/b', readAt: null, savedAt: 2_000 },
      content: null,
    });
    await before.table('meta').put({ schemaVersion: 1, key: 'search-index', value: 'snapshot' });
    before.close();

    const after = new LibraryDb(name, { ...options, upToVersion: 2 });
    await after.open();
    expect(after.verno).toBe(2);
    expect(await after.articles.get(articleV1.id)).toEqual({
      ...articleV1,
      schemaVersion: 2,
      updatedAt: 5_000,
      fieldUpdatedAt: { title: 5_000, tags: 5_000, archived: 5_000, favourite: 5_000, progress: 5_000 },
    });
    expect(await after.contents.get(articleV1.id)).toEqual({ schemaVersion: 2, id: articleV1.id, content: '<p>a</p>', textContent: 'a' });
    const trashed = await after.trash.get('https://example.com/b');
    expect(trashed).toMatchObject({ schemaVersion: 2, highlights: [], article: { schemaVersion: 2, updatedAt: 2_000 } });
    expect(await after.meta.get('search-index')).toEqual({ schemaVersion: 2, key: 'search-index', value: 'snapshot' });
    // The new index answers queries over migrated data.
    expect(await after.articles.where('updatedAt').above(4_000).primaryKeys()).toEqual([articleV1.id]);
    expect(await after.tombstones.count()).toBe(0);
    after.close();
  });
});

describe('migration v2 → v3 (the offline images store)', () => {
  it('adds an empty images store with its article index and leaves every v2 record exactly as it was', async () => {
    const name = uniqueDbName();
    const before = new LibraryDb(name, { ...options, upToVersion: 2 });
    await before.open();
    expect(before.tables.map((table) => table.name)).not.toContain('images');
    const article = { ...articleV1, schemaVersion: 2, updatedAt: 5_000, fieldUpdatedAt: { title: 1, tags: 2, archived: 3, favourite: 4, progress: 5 } };
    const stored = {
      articles: [article],
      contents: [{ schemaVersion: 2, id: article.id, content: '<p><img src="https://example.com/a.png"></p>', textContent: '' }],
      trash: [{ schemaVersion: 2, id: 'https://example.com/b', deletedAt: 9_000, article: { ...article, id: 'https://example.com/b' }, content: null, highlights: [] }],
      tombstones: [{ schemaVersion: 2, url: 'https://example.com/c', deletedAt: 7_000 }],
      highlights: [{ schemaVersion: 2, id: 'h1', articleId: article.id, selector: { exact: 'a', prefix: '', suffix: '' }, position: { start: 0, end: 1 }, color: 'yellow', note: '', createdAt: 1, updatedAt: 1 }],
      meta: [{ schemaVersion: 2, key: 'search-index', value: 'snapshot' }],
    };
    for (const [table, rows] of Object.entries(stored)) await before.table(table).bulkPut(rows);
    before.close();

    const after = new LibraryDb(name, options);
    await after.open();
    expect(after.verno).toBe(3);
    for (const [table, rows] of Object.entries(stored)) expect(await after.table(table).toArray(), table).toEqual(rows);
    expect(await after.images.count()).toBe(0);
    // The new store takes a Blob keyed by article and URL, and its index finds an article's images.
    const image: ImageRecord = { schemaVersion: 3, articleId: article.id, url: 'https://example.com/a.png', blob: new Blob([new Uint8Array([1, 2])], { type: 'image/png' }), bytes: 2, skipped: null, cachedAt: 1 };
    await after.images.put(image);
    expect(await after.images.where('articleId').equals(article.id).primaryKeys()).toEqual([[article.id, 'https://example.com/a.png']]);
    after.close();
  });
});
