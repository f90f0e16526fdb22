import { describe, expect, it } from 'vitest';
import { exportFolioJson } from '../../lib/library/export/folio-json';
import { exportMarkdownZip } from '../../lib/library/export/markdown-zip';
import type { LibraryDb } from '../../lib/storage/db';
import { getArticle, saveArticle } from '../../lib/storage/library-repo';
import { checkChangedArticles, findUnreadableArticles } from '../../lib/storage/library-repo-check';
import { readArticlesForExport } from '../../lib/storage/library-repo-export';
import { getArticleRecords, listArticleIds, listArticles } from '../../lib/storage/library-repo-query';
import type { UnreadableRecord } from '../../lib/storage/record-check';
import { freshDb, makeArticle } from './library-test-helpers';

/** Corrupted records (issue 6, faults): skipped and reported; the list and export still work. */

const GOOD = ['https://example.com/1', 'https://example.com/2', 'https://example.com/3'];

async function libraryWithDamage(): Promise<LibraryDb> {
  const db = freshDb();
  for (const [i, url] of GOOD.entries()) {
    expect((await saveArticle(db, { article: makeArticle({ url, title: `Good ${i + 1}` }), pageUrl: url, now: 1_000 + i })).ok).toBe(true);
  }
  const good = (await db.articles.get(GOOD[0]!))!;
  // Written raw, as a bug, a half-restored profile or a failing disk could leave them.
  const raw = db.articles as unknown as { bulkPut(rows: unknown[]): Promise<unknown> };
  await raw.bulkPut([
    { ...good, id: 'https://bad.example/shape', url: 'https://bad.example/shape', title: 42, tags: 'not-a-list', savedAt: 2_000 },
    { ...good, id: 'https://bad.example/date-text', url: 'https://bad.example/date-text', savedAt: 'yesterday' },
    { ...good, id: 'https://bad.example/no-date', url: 'https://bad.example/no-date', savedAt: undefined, updatedAt: undefined },
    { ...good, id: 'https://bad.example/no-body', url: 'https://bad.example/no-body', title: 'No body', savedAt: 2_500 },
    { ...good, id: 'https://bad.example/bad-body', url: 'https://bad.example/bad-body', title: 'Bad body', savedAt: 2_600 },
    { id: 'https://bad.example/bare', savedAt: 2_700, junk: new Uint8Array([1, 2, 3]) },
  ]);
  await (db.contents as unknown as { put(row: unknown): Promise<unknown> }).put({ schemaVersion: 2, id: 'https://bad.example/bad-body', content: 12345, textContent: null });
  return db;
}

const EXPECTED_UNREADABLE: UnreadableRecord[] = [
  { id: 'https://bad.example/bad-body', reason: 'undecodable-content' },
  { id: 'https://bad.example/bare', reason: 'bad-date' },
  { id: 'https://bad.example/date-text', reason: 'bad-date' },
  { id: 'https://bad.example/no-body', reason: 'missing-content' },
  { id: 'https://bad.example/no-date', reason: 'bad-date' },
  { id: 'https://bad.example/shape', reason: 'wrong-shape' },
];

describe('corrupted records', () => {
  it('the list pages skip rows that cannot be read instead of failing', async () => {
    const db = await libraryWithDamage();
    for (const sort of ['newest', 'oldest', 'title', 'longest'] as const) {
      const page = await listArticles(db, { status: 'all', sort });
      expect(page.ok, sort).toBe(true);
      const ids = page.ok ? page.value.items.map((item) => item.id) : [];
      expect(ids, sort).toEqual(expect.arrayContaining(GOOD));
      expect(ids, sort).not.toContain('https://bad.example/shape');
      expect(ids, sort).not.toContain('https://bad.example/date-text');
      expect(ids, sort).not.toContain('https://bad.example/bare');
    }
    const ids = await listArticleIds(db, { status: 'all' });
    expect(ids.ok).toBe(true);
    const records = await getArticleRecords(db, ids.ok ? ids.value : []);
    expect(records.ok && records.value.every((record) => typeof record.title === 'string' && Array.isArray(record.tags))).toBe(true);
  });

  it('finds every unreadable item with its reason (the library says "N items could not be read")', async () => {
    const db = await libraryWithDamage();
    const found = await findUnreadableArticles(db);
    expect(found.ok).toBe(true);
    // Bodies are not read by this scan (keys only, cheap at 10,000); a body that cannot be decoded is
    // caught where it is read (getArticle, export).
    const expected = EXPECTED_UNREADABLE.filter((item) => item.reason !== 'undecodable-content');
    expect(found.ok && [...found.value].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected);
  });

  it('opening an article whose body cannot be decoded gives the article without a body, not a crash', async () => {
    const db = await libraryWithDamage();
    const opened = await getArticle(db, 'https://bad.example/bad-body');
    expect(opened).toMatchObject({ ok: true, value: { record: { title: 'Bad body' }, content: null } });
  });

  it('finds them across batches too (500 rows a batch)', async () => {
    const db = freshDb();
    const good = makeArticle();
    await saveArticle(db, { article: good, pageUrl: 'https://example.com/post' });
    const row = (await db.articles.get('https://example.com/post'))!;
    const rows = Array.from({ length: 1_200 }, (_, i) => ({ ...row, id: `https://example.com/${String(i).padStart(5, '0')}`, ...(i % 400 === 7 ? { wordCount: 'many' } : {}) }));
    await db.articles.bulkPut(rows as never);
    await db.contents.bulkPut(rows.map((r) => ({ schemaVersion: 2 as const, id: r.id, content: '<p>x</p>' as never, textContent: 'x' })));
    const found = await findUnreadableArticles(db);
    expect(found.ok && found.value.map((item) => item.id)).toEqual(['https://example.com/00007', 'https://example.com/00407', 'https://example.com/00807']);
  });

  it('checks only the rows changed since a time: a damaged arrival is found, a stored one without body too, the rest are cleared', async () => {
    const db = freshDb();
    // makeArticle's canonical address is https://example.com/post: saved once, then saved again later.
    await saveArticle(db, { article: makeArticle(), pageUrl: 'https://example.com/post', now: 1_000_000 });
    const row = (await db.articles.get('https://example.com/post'))!;
    const since = 2_000_000;
    expect(await checkChangedArticles(db, since)).toEqual({ ok: true, value: { checked: [], unreadable: [] } });
    await saveArticle(db, { article: makeArticle(), pageUrl: 'https://example.com/post', now: since + 10 });
    await db.articles.bulkPut([
      { ...row, id: 'https://example.com/damaged', updatedAt: since + 20, wordCount: 'many' },
      { ...row, id: 'https://example.com/no-body', updatedAt: since + 30 },
    ] as never);
    const checked = await checkChangedArticles(db, since);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect([...checked.value.checked].sort()).toEqual(['https://example.com/damaged', 'https://example.com/no-body', 'https://example.com/post']);
    expect([...checked.value.unreadable].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
      { id: 'https://example.com/damaged', reason: 'wrong-shape' },
      { id: 'https://example.com/no-body', reason: 'missing-content' },
    ]);
  });

  it('export still works: readable articles in full, bodies that cannot be read left out, and a list of what was skipped', async () => {
    const db = await libraryWithDamage();
    const skipped: UnreadableRecord[] = [];
    const result = await exportFolioJson(readArticlesForExport(db, 2, skipped), { total: 9 });
    expect(result.ok).toBe(true);
    const exported = JSON.parse(result.ok ? result.value.join('') : '{}') as { articles: { record: { id: string }; content: string | null }[] };
    const byId = new Map(exported.articles.map((a) => [a.record.id, a]));
    expect([...byId.keys()].sort()).toEqual([...GOOD, 'https://bad.example/bad-body', 'https://bad.example/no-body'].sort());
    for (const id of GOOD) expect(byId.get(id)!.content).toMatch(/quick brown fox/);
    expect(byId.get('https://bad.example/no-body')!.content).toBeNull();
    expect(byId.get('https://bad.example/bad-body')!.content).toBeNull();
    expect([...skipped].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(EXPECTED_UNREADABLE);

    // The other formats read the same batches.
    const zipSkipped: UnreadableRecord[] = [];
    const zip = await exportMarkdownZip(readArticlesForExport(db, 200, zipSkipped), { total: 9 });
    expect(zip.ok && zip.count).toBe(5);
    expect(zipSkipped).toHaveLength(EXPECTED_UNREADABLE.length);
  });
});
