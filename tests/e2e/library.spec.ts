import path from 'node:path';
import { READER, expect, test } from './harness/fixtures';

const SEED = 'seed/modal-scroll-lock/source.html';
const TITLE = /^Prior to Oval Office showdown with Zelensky/;
const POCKET_MALFORMED = path.resolve('tests/fixtures/imports/pocket-malformed.csv');

// One library for the whole file: the tests run in order and build on each other's saves.
test.describe.configure({ mode: 'serial' });

test.describe('the read-later library', () => {
  test('Save in the overlay says "Saved ✓", and says it again when the page is read later', async ({ folio, server, page }) => {
    await page.goto(server.url(SEED));
    await folio.pressToolbarButton(page);
    const save = page.locator(`${READER} .folio-save`);
    // The first injection of the reader script can be slow on a cold browser.
    await expect(save).toHaveText('Save', { timeout: 20_000 });
    await save.click();
    await expect(save).toHaveText('Saved ✓');
    await page.keyboard.press('Escape');
    await page.reload();
    await folio.pressToolbarButton(page);
    await expect(page.locator(`${READER} .folio-save`)).toHaveText('Saved ✓');
  });

  test('the popup lists it among the recent saves and finds it by a word of its body', async ({ folio, page }) => {
    await page.goto(`chrome-extension://${folio.extensionId}/popup.html`);
    await expect(page.locator('.folio-item-title').first()).toHaveText(TITLE);
    await page.getByLabel('Search your library').fill('cyberoperations');
    await expect(page.locator('.folio-list-heading')).toHaveText('Matches (1)');
    await page.getByLabel('Search your library').fill('zzzunlikelyword');
    await expect(page.getByText('Nothing matches.')).toBeVisible();
  });

  test('the reader page opens it offline with the overlay typography, and remembers progress', async ({ folio, page }) => {
    await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
    const link = page.locator('.folio-row-title').first();
    await expect(link).toHaveText(TITLE);
    const href = await link.getAttribute('href');
    await folio.context.setOffline(true);
    try {
      await page.goto(href!);
      await expect(page.locator('.folio-reader .folio-title')).toHaveText(TITLE);
      await expect(page.locator('.folio-reader .folio-body p')).toHaveCount(16);
      await page.locator('.folio-reader').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
      await expect(page.getByLabel('Reading progress')).toHaveText('Read ✓');
    } finally {
      await folio.context.setOffline(false);
    }
    await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
    await expect(page.locator('.folio-row-meta').first()).toContainText('Read');
  });

  test('search, archive, delete and undo in the library', async ({ folio, page }) => {
    await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
    const count = page.getByTestId('library-count');
    await expect(count).toHaveText('1 article');
    await page.getByLabel('Search the library').fill('pentagon cyber');
    await expect(count).toHaveText('1 article found in the whole library');
    await page.getByLabel('Search the library').fill('');

    await page.locator('.folio-row').first().getByRole('button', { name: 'Archive' }).click();
    await expect(count).toHaveText('0 articles');
    await page.getByRole('button', { name: 'Archive', exact: true }).first().click();
    await expect(count).toHaveText('1 article');

    await page.locator('.folio-row').first().getByRole('button', { name: 'Delete' }).click();
    await expect(count).toHaveText('0 articles');
    await expect(page.locator('.folio-notice')).toContainText('Deleted 1 article.');
    await page.locator('.folio-notice').getByRole('button', { name: 'Undo' }).click();
    await expect(count).toHaveText('1 article');
    await expect(page.locator('.folio-row-title')).toHaveText(TITLE);
  });

  test('a Pocket CSV with a malformed line imports the rest and names what it skipped', async ({ folio, page }) => {
    await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
    await page.getByTestId('import-file').setInputFiles(POCKET_MALFORMED);
    const report = page.locator('.folio-report');
    await expect(report).toContainText('Imported 2 new, updated 0. Skipped 2');
    await expect(report).toContainText('Line 3: expected 5 fields, found 2');
    await expect(report).toContainText('Line 5: unknown status "pending"');
    await page.getByRole('button', { name: 'Everything' }).click();
    await expect(page.getByTestId('library-count')).toHaveText('3 articles');
    await expect(page.getByRole('link', { name: 'Good one', exact: true })).toBeVisible();
    await expect(page.locator('.folio-row', { hasText: 'Another good one' })).toContainText('not downloaded');
  });
});
