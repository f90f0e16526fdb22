import { readFileSync } from 'node:fs';
import { clearLibrary } from './harness/clear-library';
import { expect, test } from './harness/fixtures';

/**
 * Corrupted records in a real library (issue 6, faults): the library page lists what it can, says how
 * many items could not be read, and export still works and names what it left out. Damage is written
 * straight into IndexedDB from the extension's own origin.
 */

test('a library with damaged records: the readable ones listed, "N items could not be read", export works', async ({ folio, page }) => {
  await page.goto(folio.extensionUrl('library.html'));
  // The browser is shared with the run's other spec files: start from an empty library, leave one.
  await clearLibrary(page);
  await page.reload();
  await expect(page.getByTestId('library-count')).toHaveText('0 articles');
  try {
    await runDamagedLibrary(page);
  } finally {
    await clearLibrary(page);
  }
});

async function runDamagedLibrary(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('folio-library');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const at = Date.parse('2026-01-01T00:00:00Z');
    const good = (n: number) => ({
      schemaVersion: 2, id: `https://example.com/good-${n}`, url: `https://example.com/good-${n}`, title: `Good article ${n}`, titleKey: `good article ${n}`,
      byline: null, siteName: 'Example', siteIcon: null, publishedTime: null, lang: 'en', dir: 'ltr', excerpt: 'An excerpt.', leadImage: null,
      wordCount: 300, readingMinutes: 2, savedAt: at + n, tags: ['kept'], archived: 0, favourite: 0, read: 0, readAt: null,
      progress: { percent: 0, scrollY: 0 }, contentState: 'stored', contentError: null, source: 'save', updatedAt: at + n,
      fieldUpdatedAt: { title: at, tags: at, archived: at, favourite: at, progress: at },
    });
    const tx = db.transaction(['articles', 'contents'], 'readwrite');
    const articles = tx.objectStore('articles');
    const contents = tx.objectStore('contents');
    for (const n of [1, 2, 3]) {
      articles.put(good(n));
      contents.put({ schemaVersion: 2, id: `https://example.com/good-${n}`, content: `<p>Body ${n}</p>`, textContent: `Body ${n}` });
    }
    articles.put({ ...good(4), title: 42, tags: 'not-a-list' });
    articles.put({ ...good(5), savedAt: 'yesterday' });
    articles.put({ ...good(6), savedAt: undefined });
    articles.put({ ...good(7) }); // no body
    articles.put({ id: 'https://example.com/bare', savedAt: at + 8, junk: [1, 2, 3] });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await expect(page.getByTestId('library-unreadable')).toContainText('5 items could not be read');
  await expect(page.locator('.folio-row-title')).toHaveText(['Good article 3', 'Good article 2', 'Good article 1']);
  await expect(page.getByTestId('library-count')).toHaveText('3 articles');
  // Search still works over the readable ones.
  await page.getByLabel('Search the library').fill('good');
  await expect(page.getByTestId('library-count')).toHaveText('3 articles found in the whole library');
  await page.getByLabel('Search the library').fill('');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /JSON/ }).first().click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { articles: { record: { id: string } }[] };
  expect(exported.articles.map((a) => a.record.id).sort()).toEqual([1, 2, 3, 7].map((n) => `https://example.com/good-${n}`));
  await expect(page.locator('.folio-report')).toContainText('Exported 4 articles');
  await expect(page.locator('.folio-report')).toContainText('5 items could not be read');
}
