import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryDb } from '../../lib/storage/db';
import { getArticle, setTags } from '../../lib/storage/library-repo';
import {
  journalLinkSave,
  KEPT_FOR_RETRY,
  PENDING_SAVE_PREFIX,
  resumePendingSaves,
  saveArticleJournaled,
  type JournalArea,
} from '../../lib/storage/save-journal';
import { makeArticle, uniqueDbName } from './library-test-helpers';
import { failWriteWithQuota, interceptWrite, type QuotaFault } from './storage-fault-injection';

/**
 * The MV3 worker stopped in the middle of a save (issue 6, faults): the pending-save journal. A "crash"
 * here is what Chrome's stop leaves behind: the journal area stops accepting anything (no clean-up
 * runs), and its uncommitted transaction is aborted (what the browser does with a transaction whose
 * context went away). A "restart" is a new connection and `resumePendingSaves`, as the next worker does.
 */

const options = { indexedDB, IDBKeyRange };
const pageUrl = 'https://example.com/post';
const id = 'https://example.com/post';
const big = makeArticle({ textContent: 'word '.repeat(20_000).trim(), content: `<p>${'word '.repeat(20_000).trim()}</p>` as never });

let fault: QuotaFault | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  fault?.restore();
  fault = undefined;
});

const area = (): JournalArea => fakeBrowser.storage.local as unknown as JournalArea;

/** The journal as a worker sees it until it is stopped after `liveOps` calls; then nothing more lands. */
function dyingArea(liveOps: number): JournalArea {
  let ops = 0;
  const gone = () => Promise.reject(new Error('worker stopped'));
  return {
    get: (keys) => area().get(keys),
    set: (items) => (++ops <= liveOps ? area().set(items) : gone()),
    remove: (keys) => (++ops <= liveOps ? area().remove(keys) : gone()),
  };
}

async function pendingEntries(): Promise<unknown[]> {
  const all = await fakeBrowser.storage.local.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PENDING_SAVE_PREFIX))
    .map(([, value]) => value);
}

async function expectWhole(db: LibraryDb, article = big) {
  const stored = await getArticle(db, id);
  expect(stored.ok).toBe(true);
  if (!stored.ok) return;
  expect(stored.value.record).toMatchObject({ title: article.title, wordCount: article.wordCount, contentState: 'stored' });
  expect(stored.value.content?.textContent).toBe(article.textContent);
  expect(await db.articles.count()).toBe(1);
  expect(await db.contents.count()).toBe(1);
}

async function restart(name: string): Promise<{ db: LibraryDb; report: Awaited<ReturnType<typeof resumePendingSaves>> }> {
  const db = new LibraryDb(name, options);
  const report = await resumePendingSaves(db, area());
  return { db, report };
}

describe('pending-save journal', () => {
  it('writes the entry before the first database write and removes it after the commit', async () => {
    const db = new LibraryDb(uniqueDbName(), options);
    fault = interceptWrite(Number.POSITIVE_INFINITY, () => undefined);
    const seen: string[] = [];
    const recording: JournalArea = {
      get: (keys) => area().get(keys),
      set: async (items) => {
        seen.push(`set after ${fault!.writes.length} db writes`);
        await area().set(items);
      },
      remove: async (keys) => {
        seen.push(`remove after ${fault!.writes.length} db writes`);
        await area().remove(keys);
      },
    };
    const result = await saveArticleJournaled(db, recording, { article: big, pageUrl });
    expect(result.ok).toBe(true);
    expect(seen).toEqual(['set after 0 db writes', 'remove after 2 db writes']);
    expect(await pendingEntries()).toEqual([]);
  });

  it('worker stopped after the journal write, before the database opened: the next start completes the save', async () => {
    const name = uniqueDbName();
    const db = new LibraryDb(name, options);
    // The open never gets to run: the worker is gone right after step 1.
    fault = interceptWrite(1, () => {
      throw new Error('worker stopped');
    });
    await saveArticleJournaled(db, dyingArea(1), { article: big, pageUrl });
    fault.restore();
    db.close();
    expect(await pendingEntries()).toHaveLength(1);

    const next = await restart(name);
    expect(next.report).toEqual({ completed: 1, alreadyDone: 0, kept: 0, dropped: 0 });
    await expectWhole(next.db);
    expect(await pendingEntries()).toEqual([]);
  });

  it('worker stopped between the row and the body (transaction aborted): nothing half-written, then completed', async () => {
    const name = uniqueDbName();
    const db = new LibraryDb(name, options);
    await db.open();
    fault = interceptWrite(2, (store) => {
      store.transaction.abort();
      throw new Error('worker stopped');
    });
    const result = await saveArticleJournaled(db, dyingArea(1), { article: big, pageUrl });
    fault.restore();
    expect(result.ok).toBe(false);

    // What the stopped worker left: no article row, no body; the journal entry.
    const check = new LibraryDb(name, options);
    expect(await check.articles.count()).toBe(0);
    expect(await check.contents.count()).toBe(0);
    check.close();
    expect(await pendingEntries()).toHaveLength(1);

    const next = await restart(name);
    expect(next.report.completed).toBe(1);
    await expectWhole(next.db);
    expect(await pendingEntries()).toEqual([]);
  });

  it('worker stopped after the commit, before clean-up: the next start only clears the entry (no second write)', async () => {
    const name = uniqueDbName();
    const db = new LibraryDb(name, options);
    expect((await saveArticleJournaled(db, dyingArea(1), { article: big, pageUrl, now: 1_000 })).ok).toBe(true);
    db.close();
    expect(await pendingEntries()).toHaveLength(1);

    const next = await restart(name);
    expect(next.report).toEqual({ completed: 0, alreadyDone: 1, kept: 0, dropped: 0 });
    await expectWhole(next.db);
    expect((await next.db.articles.get(id))?.updatedAt).toBe(1_000);
    expect(await pendingEntries()).toEqual([]);
  });

  it('a change made after the save committed is never overwritten by the replay', async () => {
    const name = uniqueDbName();
    const db = new LibraryDb(name, options);
    await saveArticleJournaled(db, dyingArea(1), { article: big, pageUrl, now: 1_000 });
    expect((await setTags(db, id, ['kept'], 2_000)).ok).toBe(true);
    db.close();
    const next = await restart(name);
    expect(next.report.alreadyDone).toBe(1);
    expect((await next.db.articles.get(id))?.tags).toEqual(['kept']);
  });

  it('storage full: the save is kept for retry, the message says so, and a later start finishes it', async () => {
    const name = uniqueDbName();
    const db = new LibraryDb(name, options);
    await db.open();
    fault = failWriteWithQuota(2);
    const result = await saveArticleJournaled(db, area(), { article: big, pageUrl });
    fault.restore();
    expect(result).toMatchObject({ ok: false, keptForRetry: true, error: { kind: 'quota' } });
    expect(!result.ok && result.error.message).toBe(`Folio couldn't save: your browser's storage is full. Free disk space or delete old articles, then try again. ${KEPT_FOR_RETRY}`);
    expect(await db.articles.count()).toBe(0);
    expect(await pendingEntries()).toEqual([expect.objectContaining({ kind: 'article', attempts: 1, lastError: expect.stringMatching(/QuotaExceededError/) })]);

    // Still full at the next start: kept again, counted.
    fault = failWriteWithQuota(2);
    const stillFull = await resumePendingSaves(db, area());
    fault.restore();
    expect(stillFull).toEqual({ completed: 0, alreadyDone: 0, kept: 1, dropped: 0 });
    expect(await pendingEntries()).toEqual([expect.objectContaining({ attempts: 2 })]);

    const later = await resumePendingSaves(db, area());
    expect(later.completed).toBe(1);
    await expectWhole(db);
    expect(await pendingEntries()).toEqual([]);
  });

  it('blocked by an old connection: kept for retry, and finished once the other connection lets go', async () => {
    const name = uniqueDbName();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(name, 10);
      request.onsuccess = () => resolve(request.result);
    });
    const db = new LibraryDb(name, options);
    const result = await saveArticleJournaled(db, area(), { article: big, pageUrl, open: { timeoutMs: 5_000, blockedGraceMs: 50 } });
    expect(result).toMatchObject({ ok: false, keptForRetry: true, error: { kind: 'blocked', message: expect.stringContaining(KEPT_FOR_RETRY) } });
    expect(await pendingEntries()).toHaveLength(1);
    old.close();
    const next = await resumePendingSaves(db, area());
    expect(next.completed).toBe(1);
    await expectWhole(db);
    expect(await pendingEntries()).toEqual([]);
  });

  it('an invalid save (not retryable) is reported and not kept', async () => {
    const db = new LibraryDb(uniqueDbName(), options);
    const result = await saveArticleJournaled(db, area(), { article: makeArticle({ url: null }), pageUrl: 'not a url' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(await pendingEntries()).toEqual([]);
  });

  it('"Save link" stopped while the page was being read: the next start keeps the link, to download later', async () => {
    const name = uniqueDbName();
    await journalLinkSave(area(), 'https://example.com/linked?utm_source=x', 'Linked story', 5_000);
    const next = await restart(name);
    expect(next.report.completed).toBe(1);
    expect(await next.db.articles.get('https://example.com/linked')).toMatchObject({ title: 'Linked story', contentState: 'pending', savedAt: 5_000 });
    expect(await next.db.contents.count()).toBe(0);
    expect(await pendingEntries()).toEqual([]);
  });

  it('drops entries it cannot read or whose version it does not know, without replaying them', async () => {
    const name = uniqueDbName();
    await fakeBrowser.storage.local.set({
      [`${PENDING_SAVE_PREFIX}1-a`]: { schemaVersion: 99, kind: 'article', article: big, pageUrl, startedAt: 1, attempts: 0, lastError: null },
      [`${PENDING_SAVE_PREFIX}2-b`]: { schemaVersion: 1, kind: 'article', article: { title: 5 }, pageUrl, startedAt: 2, attempts: 0, lastError: null },
      'unrelated-key': 1,
    });
    const next = await restart(name);
    expect(next.report).toEqual({ completed: 0, alreadyDone: 0, kept: 0, dropped: 2 });
    expect(await next.db.articles.count()).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'unrelated-key': 1 });
  });
});

describe('journal start-up cost', () => {
  it('with getKeys (Chrome 130+), a start with nothing pending reads no values at all', async () => {
    await fakeBrowser.storage.local.set({ 'sync-engine-state': 'x'.repeat(100_000) });
    const reads: unknown[] = [];
    const keyed: JournalArea = {
      getKeys: async () => Object.keys(await fakeBrowser.storage.local.get(null)),
      get: (keys) => (reads.push(keys), area().get(keys)),
      set: (items) => area().set(items),
      remove: (keys) => area().remove(keys),
    };
    const db = new LibraryDb(uniqueDbName(), options);
    expect(await resumePendingSaves(db, keyed)).toEqual({ completed: 0, alreadyDone: 0, kept: 0, dropped: 0 });
    expect(reads).toEqual([]);
    await journalLinkSave(area(), 'https://example.com/x', null, 1);
    expect((await resumePendingSaves(db, keyed)).completed).toBe(1);
    expect(reads).toEqual([[expect.stringMatching(/^folio:pending-save:/)]]);
  });
});
