import { launchWithExtension } from './harness/extension';
import { expect, test } from './harness/fixtures';
import { entriesSeenByAnotherDevice, itemsFromAnotherDevice, syncedEntry } from './harness/sync-items';

/**
 * Issue 5: "When the index outgrows the quota, sync the most recent articles that fit and tell the user
 * how many are synced." The library here holds 150 articles; then other data fills storage.sync (as
 * preferences or another device's larger settings would) so only part of the index fits. Folio's next
 * write keeps the newest articles that fit, and the library and settings say how many of them sync.
 */
const COUNT = 150;

test('when storage.sync cannot hold the whole index, the newest articles that fit sync and the library and settings say how many', async ({ server }) => {
  // A browser of its own (the worker's is shared by every spec file): the article count and storage.sync start empty.
  const folio = await launchWithExtension();
  const page = await folio.context.newPage();
  try {
    const base = Date.now() - COUNT * 60_000;
    // Article i saved i minutes after the first: the higher i, the more recent.
    const entries = Array.from({ length: COUNT }, (_, i) => syncedEntry(server.url(`article-${i}.html`), `Article ${i}`, { savedAt: base + i * 60_000 }));
    await folio.worker.evaluate((items) => chrome.storage.sync.set(items), await itemsFromAnotherDevice(entries));
    await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
    const status = page.locator('.folio-toolbar-row .folio-sync-status');
    await expect(status).toHaveText(`${COUNT} of ${COUNT} articles synced.`, { timeout: 20_000 });

    // Fill what is left of the 102,400 bytes with other keys (each under the 8,192-byte item quota).
    const own = await folio.worker.evaluate(async () => chrome.storage.sync.getBytesInUse(null));
    let free = 102_400 - own - 300;
    const filler: Record<string, string> = {};
    for (let i = 0; free > 40; i++) {
      const key = `otherData${i}`;
      const size = Math.min(8_000, free - key.length - 2);
      filler[key] = 'x'.repeat(size);
      free -= key.length + size + 2;
    }
    await folio.worker.evaluate((items) => chrome.storage.sync.set(items), filler);

    // The next library change makes Folio write, measuring the room left first.
    await page.locator('.folio-row', { hasText: 'Article 149' }).getByRole('button', { name: 'Add to favourites' }).click();
    await expect(status).toHaveText(/^(\d+) of 150 articles synced: browser sync storage is full, so the most recent ones sync\.$/, { timeout: 20_000 });
    const synced = Number((await status.textContent())!.split(' ')[0]);
    expect(synced).toBeGreaterThan(0);
    expect(synced).toBeLessThan(COUNT);
    const options = await folio.context.newPage();
    await options.goto(`chrome-extension://${folio.extensionId}/options.html`);
    await expect(options.locator('.folio-sync-status')).toHaveText(`${synced} of 150 articles synced: browser sync storage is full, so the most recent ones sync.`);
    await options.close();

    // Another device gets exactly the newest `synced` articles, and storage.sync stays within its quota.
    const stored = await folio.worker.evaluate(() => chrome.storage.sync.get(null));
    const seen = (await entriesSeenByAnotherDevice(stored)).filter((entry) => !entry.deleted).map((entry) => entry.title);
    expect(seen.sort()).toEqual(Array.from({ length: synced }, (_, k) => `Article ${COUNT - 1 - k}`).sort());
    expect(await folio.worker.evaluate(() => chrome.storage.sync.getBytesInUse(null))).toBeLessThanOrEqual(102_400);
    // Every article is still in this library.
    const kept = await page.evaluate(async () => {
      const request = indexedDB.open('folio-library');
      const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
      const count = db.transaction('articles').objectStore('articles').count();
      const n = await new Promise<number>((resolve) => (count.onsuccess = () => resolve(count.result)));
      db.close();
      return n;
    });
    expect(kept).toBe(COUNT);
    await folio.worker.evaluate(() => chrome.storage.sync.clear());
  } finally {
    await folio.close();
  }
});
