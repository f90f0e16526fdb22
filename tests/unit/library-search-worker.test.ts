import { describe, expect, it, vi } from 'vitest';
import { WorkerSearchClient, type SearchPort } from '../../lib/library/search/search-client';
import { SearchService } from '../../lib/library/search/search-service';
import { answerSearchRequest } from '../../lib/library/search/search-worker-host';
import type { SearchRequest, SearchResponse } from '../../lib/library/search/search-worker-protocol';
import type { LibraryDb } from '../../lib/storage/db';
import { saveArticle } from '../../lib/storage/library-repo';
import { importItems } from '../../lib/storage/library-repo-import';
import { loadSearchSnapshot } from '../../lib/storage/search-snapshot-store';
import { LibraryDb as Db } from '../../lib/storage/db';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { freshDb, makeArticle } from './library-test-helpers';

/** A worker stand-in: answers asynchronously with a SearchService, as the real worker does. */
function inProcessPort(service: SearchService): SearchPort & { sent: SearchRequest[]; fail(): void } {
  const listeners: { message: ((event: { data: SearchResponse }) => void)[]; error: ((event: unknown) => void)[] } = { message: [], error: [] };
  const sent: SearchRequest[] = [];
  return {
    sent,
    postMessage(request) {
      sent.push(request);
      void answerSearchRequest(service, request).then((data) => listeners.message.forEach((listener) => listener({ data })));
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      listeners[type].push(listener);
    },
    fail() {
      listeners.error.forEach((listener) => listener(new Event('error')));
    },
  };
}

async function libraryWithTwo(): Promise<LibraryDb> {
  const db = freshDb();
  await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1', title: 'Alpine lakes', textContent: 'Cold clear water.' }), pageUrl: 'https://e.com/1' });
  await saveArticle(db, { article: makeArticle({ url: 'https://e.com/2', title: 'Deserts', textContent: 'Dry sand, cold nights.' }), pageUrl: 'https://e.com/2' });
  return db;
}

describe('WorkerSearchClient', () => {
  it('answers searches through the worker protocol, each answer to its own request', async () => {
    const db = await libraryWithTwo();
    const service = new SearchService(db, { quietMs: 0 });
    const port = inProcessPort(service);
    const client = new WorkerSearchClient(port, () => db);
    const [ready, cold, sand] = await Promise.all([client.ready(), client.searchLibrary('cold '), client.searchLibrary('sand ')]);
    expect(ready).toEqual({ ok: true, value: { size: 2 } });
    expect(cold.ok && cold.value.articles.map((hit) => hit.id).sort()).toEqual(['https://e.com/1', 'https://e.com/2']);
    expect(sand.ok && sand.value.articles.map((hit) => hit.id)).toEqual(['https://e.com/2']);
    expect(port.sent.map((request) => request.type)).toEqual(['ready', 'search', 'search']);
    expect(client.onPage).toBe(false);
    expect(await client.persist()).toEqual({ ok: true, value: undefined });
    service.dispose();
  });

  it('falls back to an index on the page when the worker fails, answering what was waiting', async () => {
    const db = await libraryWithTwo();
    const silent: SearchPort & { fail?: () => void } = (() => {
      const errors: ((event: unknown) => void)[] = [];
      return {
        postMessage: () => undefined,
        addEventListener: (type: 'message' | 'error', listener: never) => void (type === 'error' && errors.push(listener)),
        fail: () => errors.forEach((listener) => listener(new Event('error'))),
      };
    })();
    const client = new WorkerSearchClient(silent, () => db);
    const waiting = client.searchLibrary('alpine ');
    silent.fail!();
    const result = await waiting;
    expect(client.onPage).toBe(true);
    expect(result.ok && result.value.articles.map((hit) => hit.id)).toEqual(['https://e.com/1']);
    const later = await client.searchLibrary('dry ');
    expect(later.ok && later.value.articles.map((hit) => hit.id)).toEqual(['https://e.com/2']);
  });
});

describe('SearchService change tracking', () => {
  it('reads IndexedDB again only after a change was reported, also one made through another connection', async () => {
    const db = await libraryWithTwo();
    const service = new SearchService(db, { quietMs: 0 });
    expect((await service.search('cold ')).ok).toBe(true);
    const queries = vi.spyOn(db.articles, 'where');
    await service.search('cold ');
    await service.search('sand ');
    expect(queries).not.toHaveBeenCalled();

    const other = new Db(db.name, { indexedDB, IDBKeyRange });
    await saveArticle(other, { article: makeArticle({ url: 'https://e.com/3', title: 'Fjords', textContent: 'Cold steep water.' }), pageUrl: 'https://e.com/3' });
    const result = await service.search('steep ');
    expect(queries).toHaveBeenCalled();
    expect(result.ok && result.value.map((hit) => hit.id)).toEqual(['https://e.com/3']);
    other.close();
    service.dispose();
  });
});

describe('SearchService snapshot timing', () => {
  const items = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) => ({ url: `https://imported.example/${from + i}`, title: `Imported ${from + i}`, excerpt: null, savedAt: 1_700_000_000_000, tags: [], archived: false, favourite: false, line: i + 2 }));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('writes the snapshot at once after a build, and only after a pause in searching for small changes', async () => {
    const db = freshDb();
    expect((await importItems(db, items(250), 'pocket')).ok).toBe(true);
    const service = new SearchService(db, { quietMs: 60_000 });
    expect((await service.search('imported ')).ok).toBe(true);
    await settle();
    const built = await loadSearchSnapshot(db);
    expect(built.ok && built.value?.body.ids.length).toBe(250);

    expect((await importItems(db, items(1, 250), 'pocket')).ok).toBe(true);
    const found = await service.search('imported ', 500);
    expect(found.ok && found.value.length).toBe(251);
    await settle();
    const later = await loadSearchSnapshot(db);
    // One new article waits for the quiet time (a minute here): the snapshot still has the build.
    expect(later.ok && later.value?.body.ids.length).toBe(250);
    expect(await service.persist()).toEqual({ ok: true, value: undefined });
    const persisted = await loadSearchSnapshot(db);
    expect(persisted.ok && persisted.value?.body.ids.length).toBe(251);
    service.dispose();
  });
});
