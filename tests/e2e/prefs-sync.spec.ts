import type { Page } from '@playwright/test';
import { READER, expect, test } from './harness/fixtures';
import { itemsFromAnotherDevice } from './harness/sync-items';

const SEED = 'seed/modal-scroll-lock/source.html';

/** storage.sync without the sync engine's own keys (it keeps writing its manifest). */
async function prefsInSync(worker: { evaluate<T>(fn: () => Promise<T>): Promise<T> }): Promise<Record<string, unknown>> {
  return worker.evaluate(async () => Object.fromEntries(Object.entries(await chrome.storage.sync.get(null)).filter(([key]) => !key.startsWith('folio:s:'))));
}

async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Folio settings' })).toBeVisible();
}

test.describe('preferences follow the reader', () => {
  test.afterEach(async ({ folio }) => {
    await folio.worker.evaluate(() => chrome.storage.sync.clear());
  });

  test('a change in the options page shows at once in an open overlay; custom CSS stays inside it', async ({ folio, server, page }) => {
    await page.goto(server.url(SEED));
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    await expect(reader).toHaveAttribute('data-theme', 'system');

    const options = await folio.context.newPage();
    await openOptions(options, folio.extensionId);
    await options.getByRole('radio', { name: 'Sepia' }).click();
    await expect(reader).toHaveAttribute('data-theme', 'sepia');
    const sizeBefore = await reader.evaluate((el) => getComputedStyle(el).fontSize);
    await options.getByRole('button', { name: 'Increase text size' }).click();
    await expect.poll(() => reader.evaluate((el) => getComputedStyle(el).fontSize)).not.toBe(sizeBefore);

    await options.locator('#folio-custom-css').fill('p { outline: 3px solid rgb(255, 0, 0) !important; }');
    // The preview shows the draft before it is saved; the overlay only after.
    await expect.poll(() => options.locator('.folio-preview .folio-body p').evaluate((el) => getComputedStyle(el).outlineColor)).toBe('rgb(255, 0, 0)');
    expect(await options.locator('h1').first().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
    await options.getByRole('button', { name: 'Save CSS' }).click();
    await expect.poll(() => reader.locator('.folio-body p').first().evaluate((el) => getComputedStyle(el).outlineColor)).toBe('rgb(255, 0, 0)');
    // The page behind the overlay is untouched: the CSS lives in the shadow root only.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('p')!).outlineStyle)).toBe('none');
    expect(await page.evaluate(() => document.querySelectorAll('style[data-folio-custom-css]').length)).toBe(0);
    await options.close();
  });

  test('a change written to storage.sync, as sync would, reaches the options page and the overlay', async ({ folio, server, page }) => {
    await page.goto(server.url(SEED));
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    const options = await folio.context.newPage();
    await openOptions(options, folio.extensionId);

    await folio.worker.evaluate(() =>
      chrome.storage.sync.set({
        readerPrefs: { theme: 'dark', font: 'sans', fontSize: 25, lineWidth: 60, lineHeight: 1.8 },
        behaviourPrefs: { toolbarOpens: 'popup', detection: true, showShortcuts: false },
        customCss: '.folio-title { letter-spacing: 3px; }',
      }),
    );
    await expect(reader).toHaveAttribute('data-theme', 'dark');
    await expect(reader).toHaveAttribute('data-font', 'sans');
    await expect.poll(() => reader.evaluate((el) => getComputedStyle(el).fontSize)).toBe('25px');
    await expect.poll(() => reader.locator('.folio-title').evaluate((el) => getComputedStyle(el).letterSpacing)).toBe('3px');
    await expect(reader.locator('.folio-shortcuts')).toHaveCount(0);

    await expect(options.getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
    await expect(options.getByRole('group', { name: 'Text size' }).locator('output')).toHaveText('25px');
    await expect(options.getByLabel('Opens the popup')).toBeChecked();
    await expect(options.locator('#folio-custom-css')).toHaveValue('.folio-title { letter-spacing: 3px; }');
    await options.close();
  });

  test('site rules from the overlay: always open the reader there, never mark it, its own text size', async ({ folio, server, page }) => {
    await page.goto(server.url(SEED));
    await expect.poll(async () => (await folio.badge(page)).text).toBe('✓');
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    await reader.getByRole('button', { name: 'This site' }).click();
    const panel = reader.getByRole('dialog', { name: 'Rules for 127.0.0.1' });
    await panel.getByLabel('Always open the reader on 127.0.0.1').check();
    await panel.getByLabel('Never show detection on 127.0.0.1').check();
    await panel.getByLabel('Own text size on 127.0.0.1').check();
    await reader.getByRole('button', { name: 'This site' }).click();
    await expect(panel).toHaveCount(0);
    await reader.locator('.folio-typography-toggle').click();
    await reader.getByRole('button', { name: 'Increase text size' }).click();
    await reader.getByRole('button', { name: 'Increase text size' }).click();
    await expect.poll(() => reader.evaluate((el) => getComputedStyle(el).fontSize)).toBe('21px');
    await expect
      .poll(() => folio.worker.evaluate(async () => (await chrome.storage.sync.get('siteRules')).siteRules))
      .toEqual({ '127.0.0.1': { o: 1, n: 1, s: 21 } });
    // The reader's own size is untouched; only this site reads larger.
    expect(await folio.worker.evaluate(async () => (await chrome.storage.sync.get('readerPrefs')).readerPrefs)).toBeUndefined();

    await page.reload();
    await expect(page.locator(READER)).toBeVisible();
    await expect(page.locator(READER).locator('.folio-title')).toHaveText(/^Prior to Oval Office showdown/);
    expect((await folio.badge(page)).text).toBe('');
  });

  test('site rules from the options page: added by address, edited, applied on the site, removed', async ({ folio, server, page }) => {
    const options = await folio.context.newPage();
    await openOptions(options, folio.extensionId);
    await options.getByLabel('Site', { exact: true }).fill(server.url(SEED));
    await options.getByRole('button', { name: 'Add site (always open the reader)' }).click();
    const row = options.locator('.folio-site-row[data-host="127.0.0.1"]');
    await expect(row.getByLabel('Always open the reader on 127.0.0.1')).toBeChecked();
    await row.getByLabel('Never show detection on 127.0.0.1').check();
    await expect
      .poll(() => folio.worker.evaluate(async () => (await chrome.storage.sync.get('siteRules')).siteRules))
      .toEqual({ '127.0.0.1': { o: 1, n: 1 } });

    await page.goto(server.url(SEED));
    await expect(page.locator(READER).locator('.folio-title')).toHaveText(/^Prior to Oval Office showdown/);
    expect((await folio.badge(page)).text).toBe('');

    await row.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect(row).toHaveCount(0);
    await expect.poll(() => folio.worker.evaluate(async () => (await chrome.storage.sync.get('siteRules')).siteRules)).toEqual({});
    await options.close();
  });

  test('a bad settings file is refused with a message and changes nothing; a good one applies', async ({ folio, page }) => {
    await openOptions(page, folio.extensionId);
    await page.getByRole('radio', { name: 'Sepia' }).click();
    // The click's write and WXT's version stamp for it land separately: wait for both, then take the state.
    await expect.poll(() => prefsInSync(folio.worker)).toMatchObject({ readerPrefs: { theme: 'sepia' }, readerPrefs$: { v: 1 } });
    const before = await prefsInSync(folio.worker);
    const input = page.locator('.folio-transfer input[type=file]');
    const bad = { format: 'folio-settings', version: 1, reader: { theme: 'neon' } };
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect(page.getByRole('alert')).toContainText(/invalid values: reader\.theme.*Nothing was changed/);
    expect(await prefsInSync(folio.worker)).toEqual(before);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export settings…' }).click();
    const file = JSON.parse(await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    expect(file).toMatchObject({ format: 'folio-settings', reader: { theme: 'sepia' } });
    file.reader.theme = 'dark';
    await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect(page.locator('.folio-transfer .folio-ok')).toHaveText('Imported settings from good.json.');
    await expect(page.getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  });
});

test('an article synced from another device appears in the library; only its index came over (content downloads when first opened)', async ({ folio, server, page }) => {
  const url = server.url(SEED);
  const items = await itemsFromAnotherDevice({
    url,
    title: 'Prior to Oval Office showdown, synced from the phone',
    site: 'The Independent UK',
    savedAt: Date.now() - 60_000,
    tags: ['phone'],
    archived: false,
    favourite: true,
    progress: 0,
    deleted: false,
  });
  expect(Object.keys(items).some((key) => key.startsWith('folio:s:'))).toBe(true);
  await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
  const options = await folio.context.newPage();
  await openOptions(options, folio.extensionId);
  await folio.worker.evaluate((next) => chrome.storage.sync.set(next), items);
  await expect(page.getByText('Prior to Oval Office showdown, synced from the phone')).toBeVisible();
  await expect(options.locator('.folio-sync-status')).toHaveText(/\b(\d+) of \1 articles synced/);
  // Only the index came over: opening it downloads the page (served by the fixture server).
  const record = await page.evaluate(async (id) => {
    const request = indexedDB.open('folio-library');
    const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const get = db.transaction('articles').objectStore('articles').get(id);
    return new Promise<{ contentState: string; favourite: number; tags: string[] }>((resolve) => (get.onsuccess = () => resolve(get.result)));
  }, url);
  expect(record).toMatchObject({ contentState: 'pending', favourite: 1, tags: ['phone'] });
  await options.close();
  await folio.worker.evaluate(() => chrome.storage.sync.clear());
});
