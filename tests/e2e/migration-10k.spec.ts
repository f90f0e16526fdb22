import { expect, test } from '@playwright/test';
import { launchWithExtension } from './harness/extension';

/**
 * An extension update meeting a 10,000-article library written by schema version 1, in real Chromium
 * (the unit test tests/unit/storage-migration-10k.test.ts checks every field in fake-indexeddb; this one
 * times the shipped migration where it really runs and checks the counts). The v1 database is built raw
 * from an extension page that does not open the library (welcome.html), with v1's stores and indexes as
 * Dexie declares them (version 1 = native version 10). The library page then opens it, which upgrades
 * it. Times are printed, not asserted. In a browser of its own: after the upgrade the worker's sync
 * engine has 10,000 articles to index, which would slow the next spec files sharing a browser.
 */

const ARTICLES = 10_000;

test('the library page upgrades a 10,000-article v1 library, nothing lost', async () => {
  test.setTimeout(240_000);
  const folio = await launchWithExtension();
  try {
    await upgradeBigLibrary(folio);
  } finally {
    await folio.close();
  }
});

async function upgradeBigLibrary(folio: Awaited<ReturnType<typeof launchWithExtension>>): Promise<void> {
  const page = await folio.context.newPage();
  await page.goto(folio.extensionUrl('welcome.html'));
  const built = await page.evaluate(async (count) => {
    const request = (r: IDBRequest | IDBOpenDBRequest) => new Promise<unknown>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    // The worker's connection closes itself on versionchange (Dexie's default), so the delete goes through.
    await request(indexedDB.deleteDatabase('folio-library'));
    const open = indexedDB.open('folio-library', 10);
    open.onupgradeneeded = () => {
      const db = open.result;
      const articles = db.createObjectStore('articles', { keyPath: 'id' });
      for (const index of ['savedAt', 'titleKey', 'readingMinutes']) articles.createIndex(index, index);
      articles.createIndex('tags', 'tags', { multiEntry: true });
      articles.createIndex('[archived+savedAt]', ['archived', 'savedAt']);
      articles.createIndex('[archived+read+savedAt]', ['archived', 'read', 'savedAt']);
      articles.createIndex('[favourite+savedAt]', ['favourite', 'savedAt']);
      db.createObjectStore('contents', { keyPath: 'id' });
      db.createObjectStore('trash', { keyPath: 'id' }).createIndex('deletedAt', 'deletedAt');
      db.createObjectStore('meta', { keyPath: 'key' });
    };
    const db = (await request(open)) as IDBDatabase;
    const paragraph = (i: number, p: number) => `<p>Paragraph ${p} of story ${i}: the council met on Tuesday to argue about the library budget, again, and nobody agreed.</p>`;
    let bytes = 0;
    for (let start = 0; start < count; start += 1_000) {
      const tx = db.transaction(['articles', 'contents'], 'readwrite');
      for (let i = start; i < Math.min(count, start + 1_000); i += 1) {
        const savedAt = Date.UTC(2019, 0, 1) + i * 3_600_000;
        const read = i % 3 === 0 ? 1 : 0;
        const id = `https://site-${i % 130}.example/articles/${i}`;
        tx.objectStore('articles').put({
          schemaVersion: 1, id, url: id, title: `Story ${i}`, titleKey: `story ${i}`, byline: 'A. Writer', siteName: `Site ${i % 130}`, siteIcon: null,
          publishedTime: null, lang: 'en', dir: 'ltr', excerpt: 'An excerpt.', leadImage: null, wordCount: 500, readingMinutes: 3, savedAt,
          tags: i % 2 ? ['tech'] : ['long read', 'science'], archived: i % 4 === 0 ? 1 : 0, favourite: i % 7 === 0 ? 1 : 0, read,
          readAt: read ? savedAt + 86_400_000 : null, progress: { percent: read ? 100 : 0, scrollY: 0 }, contentState: 'stored', contentError: null, source: 'save',
        });
        const content = Array.from({ length: 24 }, (_, p) => paragraph(i, p)).join('');
        bytes += content.length * 2;
        tx.objectStore('contents').put({ schemaVersion: 1, id, content, textContent: content.replace(/<[^>]+>/g, ' ') });
      }
      await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    }
    db.close();
    return { bytes };
  }, ARTICLES);

  // The update's first open: the library page upgrades the database, then shows the inbox.
  const inbox = ARTICLES - ARTICLES / 4;
  let started = Date.now();
  await page.goto(folio.extensionUrl('library.html'));
  await expect(page.getByTestId('library-count')).toHaveText(`${inbox} articles`, { timeout: 180_000 });
  const firstOpenMs = Date.now() - started;
  // The same page once migrated, for comparison.
  started = Date.now();
  await page.reload();
  await expect(page.getByTestId('library-count')).not.toHaveText('Loading…');
  const laterOpenMs = Date.now() - started;

  const after = await page.evaluate(async () => {
    const open = indexedDB.open('folio-library');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const count = (store: string) => new Promise<number>((resolve) => (db.transaction(store).objectStore(store).count().onsuccess = (e) => resolve((e.target as IDBRequest<number>).result)));
    const sample = await new Promise<Record<string, unknown>>((resolve) => (db.transaction('articles').objectStore('articles').get('https://site-3.example/articles/3').onsuccess = (e) => resolve((e.target as IDBRequest).result)));
    const result = { version: db.version, articles: await count('articles'), contents: await count('contents'), highlights: await count('highlights'), images: await count('images'), sample };
    db.close();
    return result;
  });
  // Dexie version 3 (native 30): v2 rewrote the records, v3 only added the images store.
  expect(after).toMatchObject({ version: 30, articles: ARTICLES, contents: ARTICLES, highlights: 0, images: 0 });
  expect(after.sample).toMatchObject({ schemaVersion: 2, title: 'Story 3', tags: ['tech'], read: 1, updatedAt: Date.UTC(2019, 0, 1) + 3 * 3_600_000 + 86_400_000 });
  console.log(`Chromium, ${ARTICLES} v1 articles (${(built.bytes / 1e6).toFixed(0)} MB of bodies): first library open after the update ${firstOpenMs} ms (upgrade included); the same open once migrated ${laterOpenMs} ms`);
}
