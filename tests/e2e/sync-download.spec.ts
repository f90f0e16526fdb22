import type { Page } from '@playwright/test';
import { clearLibrary } from './harness/clear-library';
import { expect, test } from './harness/fixtures';
import { itemsFromAnotherDevice, syncedEntry } from './harness/sync-items';

/**
 * Issue 5: "On another device, synced entries appear in the library; their content is downloaded when
 * first opened (loading the page as the reader opening it would)". Another device's sync engine writes
 * the index into storage.sync; this browser's library shows the entry; the reader page downloads it.
 */
const SEED = 'seed/modal-scroll-lock/source.html';

async function articleRecord(page: Page, id: string): Promise<{ contentState: string; contentError: string | null } | undefined> {
  return page.evaluate(async (key) => {
    const request = indexedDB.open('folio-library');
    const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const get = db.transaction('articles').objectStore('articles').get(key);
    const record = await new Promise<{ contentState: string; contentError: string | null } | undefined>((resolve) => (get.onsuccess = () => resolve(get.result)));
    db.close();
    return record && { contentState: record.contentState, contentError: record.contentError };
  }, id);
}

/** Syncs one entry in "from another device", waits for it in the library, and returns its reader-page address. */
async function syncIn(folio: { worker: { evaluate<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> }; extensionId: string }, page: Page, url: string, title: string): Promise<string> {
  // The browser is shared by the spec files of a run: an article another spec saved at the same address
  // would take the synced entry in as already downloaded. This device starts with an empty library.
  await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
  await clearLibrary(page);
  const items = await itemsFromAnotherDevice(syncedEntry(url, title));
  await folio.worker.evaluate((next) => chrome.storage.sync.set(next), items);
  await page.reload();
  const link = page.locator('.folio-row-title', { hasText: title });
  await expect(link).toBeVisible();
  await expect(page.locator('.folio-row', { hasText: title })).toContainText('not downloaded');
  return (await link.getAttribute('href'))!;
}

test.describe('an article synced from another device, opened here for the first time', () => {
  test.afterEach(async ({ folio }) => {
    await folio.context.unrouteAll();
    await folio.worker.evaluate(() => chrome.storage.sync.clear());
  });

  test('downloads it at once with its progress, as opening the page would (cookies), then reads offline and follows synced preferences', async ({ folio, server, page }) => {
    // Earlier spec files share this browser: start from default preferences.
    await folio.worker.evaluate(() => chrome.storage.sync.remove(['readerPrefs', 'customCss', 'siteRules']));
    const url = server.url(SEED);
    const title = 'Oval Office showdown, saved on the phone';
    await folio.context.addCookies([{ name: 'folio_e2e_session', value: 'signed-in', url: server.origin }]);
    const seen: string[] = [];
    const onRequest = (request: { url?: string; headers: { cookie?: string } }) => {
      if (request.url?.includes('modal-scroll-lock')) seen.push(request.headers.cookie ?? '(no cookie)');
    };
    server.server.on('request', onRequest);
    // Hold the site's answer a moment, so the progress the page shows meanwhile can be checked.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await folio.context.route(url, async (route) => {
      await held;
      await route.continue();
    });

    const href = await syncIn(folio, page, url, title);
    const [article] = await Promise.all([folio.context.waitForEvent('page'), page.locator('.folio-row-title', { hasText: title }).click()]);
    expect(article.url()).toBe(href);
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(article.getByRole('status')).toHaveText(/^Loading the page from 127\.0\.0\.1:\d+…$/);
    await expect(article.getByRole('progressbar', { name: 'Download progress' })).toHaveAttribute('value', '1');
    release();
    const reader = article.locator('.folio-reader');
    await expect(reader.locator('.folio-body p')).toHaveCount(16);
    await expect(reader.locator('.folio-byline')).toHaveText('Gustaf Kilander');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/(?:^|;\s*)folio_e2e_session=signed-in(?:;|$)/);
    const id = new URL(href).searchParams.get('id')!;
    expect(await articleRecord(article, id)).toEqual({ contentState: 'stored', contentError: null });

    // Downloaded once: opening it again reads the stored copy, with no request to the site.
    await article.reload();
    await expect(reader.locator('.folio-body p')).toHaveCount(16);
    expect(seen).toHaveLength(1);
    server.server.off('request', onRequest);

    // A preference changed on another device reaches this open reader page at once.
    await expect(reader).toHaveAttribute('data-theme', 'system');
    await folio.worker.evaluate(() =>
      chrome.storage.sync.set({
        readerPrefs: { theme: 'sepia', font: 'sans', fontSize: 24, lineWidth: 60, lineHeight: 1.8 },
        customCss: '.folio-body p { word-spacing: 7px; }',
      }),
    );
    await expect(reader).toHaveAttribute('data-theme', 'sepia');
    await expect(reader).toHaveAttribute('data-font', 'sans');
    await expect.poll(() => reader.evaluate((el) => getComputedStyle(el).fontSize)).toBe('24px');
    await expect.poll(() => reader.locator('.folio-body p').first().evaluate((el) => getComputedStyle(el).wordSpacing)).toBe('7px');
    await article.close();
  });

  test('a page that cannot be downloaded says why, is remembered as failed, and offers to try again', async ({ folio, server, page }) => {
    const url = server.url('seed/gone-since-it-was-saved.html');
    const href = await syncIn(folio, page, url, 'An article that has since been taken down');
    await page.goto(href);
    await expect(page.getByRole('alert')).toHaveText('The download did not work: The site answered 404 Not Found.');
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open the original' })).toHaveAttribute('href', url);
    expect(await articleRecord(page, new URL(href).searchParams.get('id')!)).toEqual({ contentState: 'failed', contentError: 'The site answered 404 Not Found.' });
    // Opened again later: the stored reason shows, and nothing is fetched until "Try again".
    await page.reload();
    await expect(page.getByRole('alert')).toHaveText('The download did not work: The site answered 404 Not Found.');
  });

  test('without access to sites it waits for a click that asks the browser; refused, it says so; granted, it downloads', async ({ folio, server, page }) => {
    await folio.testOnlySetAllSitesAccess(false);
    const url = server.url('reading/long-article.html');
    const requests: string[] = [];
    const onRequest = (request: { url?: string }) => void (request.url?.includes('long-article') && requests.push(request.url));
    server.server.on('request', onRequest);
    const href = await syncIn(folio, page, url, 'Saved on the laptop, opened here');

    // Headless Chromium's permission prompt is a native dialog no automation can answer (README,
    // "Granting the optional access in tests"), so the prompt's answer is stood in for in this page:
    // the stand-in records whether it was called during the click, and answers as the test says.
    const article = await folio.context.newPage();
    await article.addInitScript(() => {
      const calls: Array<{ origins: string[]; duringClick: boolean }> = [];
      let answer: (granted: boolean) => void = () => {};
      Object.assign(globalThis, { __permissionCalls: calls, __answerPrompt: (granted: boolean) => answer(granted) });
      chrome.permissions.request = ((permissions: { origins?: string[] }, callback?: (granted: boolean) => void) => {
        calls.push({ origins: permissions.origins ?? [], duringClick: navigator.userActivation.isActive });
        const answered = new Promise<boolean>((resolve) => (answer = resolve));
        if (callback) void answered.then(callback);
        return answered;
      }) as typeof chrome.permissions.request;
    });
    await article.goto(href);
    await expect(article.getByRole('status')).toHaveText(/needs access to your sites\. Your browser will ask you\.$/);
    const allow = article.getByRole('button', { name: 'Allow access and download' });
    await allow.click();
    await expect(article.getByRole('status')).toHaveText('Waiting for your answer in the browser’s prompt…');
    expect(await article.evaluate(() => (globalThis as unknown as { __permissionCalls: unknown }).__permissionCalls)).toEqual([{ origins: ['<all_urls>'], duringClick: true }]);
    await article.evaluate(() => (globalThis as unknown as { __answerPrompt(granted: boolean): void }).__answerPrompt(false));
    await expect(article.getByRole('alert')).toHaveText(/^Folio was not given access to your sites, so it cannot download this article\./);
    await expect(allow).toBeVisible();
    expect(requests).toEqual([]);

    // Granted later through the browser's own site-access control: the waiting page downloads by itself.
    await folio.testOnlySetAllSitesAccess(true);
    await expect(article.locator('.folio-reader .folio-body p').first()).toBeVisible();
    expect(requests).toHaveLength(1);
    server.server.off('request', onRequest);
    await article.close();
  });
});
