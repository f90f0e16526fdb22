import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { closeOnVersionChange, RELOAD_NOTICE } from '../../lib/storage/connection';
import { LibraryDb } from '../../lib/storage/db';
import { saveArticle } from '../../lib/storage/library-repo';
import { listArticles } from '../../lib/storage/library-repo-query';
import { LIBRARY_DB_VERSION } from '../../lib/storage/schema';
import { makeArticle, uniqueDbName } from './library-test-helpers';

/** IndexedDB blocked by an upgrade in another tab or context (issue 6, faults). Two real connections. */

const options = { indexedDB, IDBKeyRange };

/** A raw connection, as another tab's code would hold it; it never closes on `versionchange` unless told. */
function rawOpen(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => undefined;
  });
}

describe('an upgrade from another context while the library page is open', () => {
  it('the page closes its connection at once (the upgrade is not blocked) and says to reload', async () => {
    const name = uniqueDbName();
    const page = new LibraryDb(name, options);
    await page.open();
    const notices: string[] = [];
    closeOnVersionChange(page, (notice) => notices.push(notice));

    let blocked = false;
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, LIBRARY_DB_VERSION * 10 + 10);
      request.onblocked = () => (blocked = true);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(blocked).toBe(false);
    expect(notices).toEqual([RELOAD_NOTICE]);
    expect(page.isOpen()).toBe(false);
    // The page does not reopen behind the user's back: its queries fail with a message, never hang.
    const listed = await listArticles(page);
    expect(listed.ok).toBe(false);
    newer.close();
  });
});

describe('a save while another connection blocks the upgrade', () => {
  it('gives up after a bounded wait with the "blocked" message and writes nothing', async () => {
    const name = uniqueDbName();
    // Another context still holds version 1 and ignores versionchange (an old page that never closes).
    const old = await rawOpen(name, 10);
    const saver = new LibraryDb(name, options);
    const started = Date.now();
    const result = await saveArticle(saver, { article: makeArticle(), pageUrl: 'https://example.com/post', open: { timeoutMs: 5_000, blockedGraceMs: 50 } });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(result).toMatchObject({ ok: false, error: { kind: 'blocked', message: expect.stringMatching(/upgraded/), detail: expect.stringMatching(/^BlockedError/) } });

    // Once the other connection lets go, the upgrade finishes and saving works; the refused save left nothing.
    old.close();
    await saver.open();
    expect(await saver.articles.count()).toBe(0);
    expect((await saveArticle(saver, { article: makeArticle(), pageUrl: 'https://example.com/post' })).ok).toBe(true);
    saver.close();
  });

  it('an open that never finishes times out instead of hanging', async () => {
    const name = uniqueDbName();
    const old = await rawOpen(name, 10);
    const saver = new LibraryDb(name, options);
    const result = await saveArticle(saver, { article: makeArticle(), pageUrl: 'https://example.com/post', open: { timeoutMs: 100, blockedGraceMs: 60_000 } });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable', detail: expect.stringMatching(/^TimeoutError/) } });
    old.close();
    await saver.open();
    saver.close();
  });
});
