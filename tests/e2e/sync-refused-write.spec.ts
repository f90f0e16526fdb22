import { launchWithExtension } from './harness/extension';
import { expect, test } from './harness/fixtures';
import { entriesSeenByAnotherDevice, itemsFromAnotherDevice, syncedEntry } from './harness/sync-items';

/**
 * Issue 5: "when a write is refused anyway, retry later and say so in the UI". Chromium enforces
 * storage.sync's 120 writes a minute for real; this spec spends them (as a burst of preference writes
 * or another extension feature might), makes a library change, and watches Folio's sync be refused,
 * say so in the library's header and the settings page, keep the change, and write it a minute later.
 * Its own browser: the spent quota would fail any later storage.sync write there.
 */
const SEED = 'seed/modal-scroll-lock/source.html';

test('a write refused by the browser pauses sync, the library and settings say so and when it retries, and the retry writes the change', async ({ server }) => {
  // A browser of its own (the worker's is shared by every spec file): the spent quota would fail any later storage.sync write.
  const folio = await launchWithExtension();
  const page = await folio.context.newPage();
  try {
    test.setTimeout(150_000);
    const url = server.url(SEED);
    const title = 'Saved on the phone, made a favourite here';
    await folio.worker.evaluate((items) => chrome.storage.sync.set(items), await itemsFromAnotherDevice(syncedEntry(url, title)));
    await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
    const row = page.locator('.folio-row', { hasText: title });
    await expect(row).toBeVisible();
    const status = page.locator('.folio-toolbar-row .folio-sync-status');
    await expect(status).toHaveText('1 of 1 articles synced.');

    // Spend the minute's writes, as the browser counts them.
    const refusedAfter = await folio.worker.evaluate(async () => {
      for (let i = 0; i < 200; i++) {
        try {
          await chrome.storage.sync.set({ quotaProbe: i });
        } catch {
          return i;
        }
      }
      return -1;
    });
    expect(refusedAfter).toBeGreaterThan(0);
    const spentAt = Date.now();

    await row.getByRole('button', { name: 'Add to favourites' }).click();
    await expect(row.getByRole('button', { name: 'Remove from favourites' })).toBeVisible();
    await expect(status).toHaveText(/^Sync is paused: your browser’s sync refused a change \(it accepts 120 a minute\)\. Folio keeps your changes and tries again at \d{1,2}:\d{2}/, { timeout: 20_000 });
    await expect(status).toHaveClass(/is-paused/);
    const options = await folio.context.newPage();
    await options.goto(`chrome-extension://${folio.extensionId}/options.html`);
    await expect(options.locator('.folio-sync-status')).toHaveText(/^Sync is paused: your browser’s sync refused a change/);
    const stored = await folio.worker.evaluate(async () => (await chrome.storage.local.get('syncStatus')).syncStatus as { retryAt: number; lastError: string });
    expect(stored.lastError).toMatch(/MAX_WRITE_OPERATIONS_PER_MINUTE/);
    expect(stored.retryAt - spentAt).toBeGreaterThanOrEqual(59_000);
    // Not yet in storage.sync: another device still sees the article as it was.
    const before = await folio.worker.evaluate(() => chrome.storage.sync.get(null));
    expect((await entriesSeenByAnotherDevice(before)).find((entry) => entry.url === url)?.favourite).toBe(false);

    // The retry, once the browser's minute has passed, writes the change and clears the message.
    await expect(status).toHaveText('1 of 1 articles synced.', { timeout: 100_000 });
    await expect(options.locator('.folio-sync-status')).toHaveText('1 of 1 articles synced.');
    const after = await folio.worker.evaluate(() => chrome.storage.sync.get(null));
    expect((await entriesSeenByAnotherDevice(after)).find((entry) => entry.url === url)?.favourite).toBe(true);
    await options.close();
  } finally {
    await folio.close();
  }
});
