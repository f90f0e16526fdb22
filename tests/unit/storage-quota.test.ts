import { afterEach, describe, expect, it } from 'vitest';
import { getArticle, saveArticle } from '../../lib/storage/library-repo';
import { freshDb, makeArticle } from './library-test-helpers';
import { failWriteWithQuota, type QuotaFault } from './storage-fault-injection';

/** Storage full during a save: the browser refuses a write part-way through (issue 6, faults). */

let fault: QuotaFault | undefined;
afterEach(() => {
  fault?.restore();
  fault = undefined;
});

const pageUrl = 'https://example.com/post';

describe('storage full during a save', () => {
  it('writes the article row and its body in one read-write transaction', async () => {
    // Installed before the database opens: Dexie binds the connection's transaction() when it opens.
    fault = failWriteWithQuota(Number.POSITIVE_INFINITY);
    const db = freshDb();
    await db.open();
    expect((await saveArticle(db, { article: makeArticle(), pageUrl })).ok).toBe(true);
    const writing = fault.transactions.filter((t) => t.mode === 'readwrite');
    expect(writing).toHaveLength(1);
    expect(writing[0]!.stores).toEqual(expect.arrayContaining(['articles', 'contents']));
    expect(fault.writes.map((w) => w.store).sort()).toEqual(['articles', 'contents']);
  });

  for (const nth of [1, 2]) {
    it(`refuses at write ${nth} of 2: a clear message, nothing half-written`, async () => {
      const db = freshDb();
      await db.open();
      fault = failWriteWithQuota(nth);
      const result = await saveArticle(db, { article: makeArticle({ content: `<p>${'word '.repeat(50_000)}</p>` as never }), pageUrl });
      fault.restore();
      expect(result).toMatchObject({ ok: false, error: { kind: 'quota', message: expect.stringMatching(/^Folio couldn't save: your browser's storage is full/) } });
      expect(result.ok || result.error.detail).toMatch(/QuotaExceededError/);
      // Neither an article row without its body nor a body without its row.
      expect(await db.articles.count()).toBe(0);
      expect(await db.contents.count()).toBe(0);
    });
  }

  it('a re-save that runs out of room leaves the earlier copy whole (row and body of the same version)', async () => {
    const db = freshDb();
    await db.open();
    expect((await saveArticle(db, { article: makeArticle({ title: 'First', textContent: 'first body' }), pageUrl, now: 1 })).ok).toBe(true);
    for (const nth of [1, 2]) {
      fault = failWriteWithQuota(nth);
      const again = await saveArticle(db, { article: makeArticle({ title: 'Second', textContent: 'second body' }), pageUrl, now: 2 });
      fault.restore();
      expect(again).toMatchObject({ ok: false, error: { kind: 'quota' } });
      const stored = await getArticle(db, 'https://example.com/post');
      expect(stored.ok && stored.value.record.title).toBe('First');
      expect(stored.ok && stored.value.content?.textContent).toBe('first body');
    }
  });

  it('once there is room again, the same save succeeds', async () => {
    const db = freshDb();
    await db.open();
    fault = failWriteWithQuota(2);
    expect((await saveArticle(db, { article: makeArticle(), pageUrl })).ok).toBe(false);
    fault.restore();
    expect((await saveArticle(db, { article: makeArticle(), pageUrl })).ok).toBe(true);
    expect(await db.articles.count()).toBe(1);
    expect(await db.contents.count()).toBe(1);
  });
});
