import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import type { ExtensionBrowser } from './harness/extension';

/**
 * "Save link to Folio" reads the linked page as opening it would and saves its article at once.
 * Headless Chromium draws no context menu, so the test fires the menu's own click event in the
 * service worker (contextMenus.onClicked.dispatch): the same listener, the same code path.
 */

const ARTICLE = readFileSync(new URL('../fixtures/hostile/article.html', import.meta.url));
/** The page's <title>, which is what its metadata gives as the article's title. */
const TITLE = 'The lighthouse keepers of Fair Isle — The Northern Almanac';

/** A site that shows its story only to a signed-in reader (a session cookie), as paywalled sites do. */
async function startMemberSite(): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url === '/links.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Links</title><a href="/members/keepers.html">Keepers</a>');
      return;
    }
    if (request.url?.startsWith('/members/keepers.html')) {
      const signedIn = /(?:^|;\s*)session=reader/.test(request.headers.cookie ?? '');
      if (signedIn) response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      else response.writeHead(403, 'Forbidden', { 'content-type': 'text/html' }).end('<p>Sign in to read this story.</p>');
      return;
    }
    response.writeHead(404, 'Not Found', { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function clickMenu(folio: ExtensionBrowser, page: Page, menuItemId: 'folio-save-link' | 'folio-save-page', link: { linkUrl: string; linkText: string } | null = null): Promise<void> {
  await folio.worker.evaluate(
    async ({ pageUrl, menuItemId, link }) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === pageUrl);
      const info = { menuItemId, pageUrl, editable: false, ...link };
      (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(info, tab);
    },
    { pageUrl: page.url(), menuItemId, link },
  );
}

function clickSaveLink(folio: ExtensionBrowser, page: Page, linkUrl: string, linkText: string): Promise<void> {
  return clickMenu(folio, page, 'folio-save-link', { linkUrl, linkText });
}

/** The notice Folio shows in the tab (its text is mirrored on the host: the box is in a closed shadow root). */
function notice(page: Page) {
  return page.locator('folio-save-notice');
}

test.describe('Save link to Folio', () => {
  let site: Awaited<ReturnType<typeof startMemberSite>>;
  test.beforeAll(async () => {
    site = await startMemberSite();
  });
  test.afterAll(async () => site.close());

  test('reads the linked page with the reader’s cookies, saves its article and says so', async ({ folio, page }) => {
    await folio.context.addCookies([{ name: 'session', value: 'reader', url: site.url('/') }]);
    await page.goto(site.url('/links.html'));
    await clickSaveLink(folio, page, site.url('/members/keepers.html?utm_source=newsletter'), 'Keepers');
    await expect(notice(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(notice(page)).toHaveAttribute('aria-label', `Saved to Folio ✓ ${TITLE}`);
    expect(await folio.badge(page)).toEqual({ text: '✓', title: `Saved to Folio ✓ ${TITLE}` });

    // In the library under the page's own title, with its text: it opens offline in the reader page.
    const library = await folio.context.newPage();
    await library.goto(`chrome-extension://${folio.extensionId}/library.html`);
    const row = library.locator('.folio-row', { hasText: TITLE });
    await expect(row).toBeVisible();
    await expect(row).not.toContainText('not downloaded');
    const href = await row.locator('.folio-row-title').getAttribute('href');
    await folio.context.setOffline(true);
    try {
      await library.goto(href!);
      await expect(library.locator('.folio-reader .folio-body')).toContainText('For ninety years the south light on Fair Isle was kept by hand');
    } finally {
      await folio.context.setOffline(false);
      await library.close();
    }
  });

  test('a page that cannot be read: the link is kept and the notice says why', async ({ folio, page }) => {
    await folio.context.clearCookies();
    await page.goto(site.url('/links.html'));
    await clickSaveLink(folio, page, site.url('/members/keepers.html?issue=2'), 'Members-only keepers');
    await expect(notice(page)).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
    await expect(notice(page)).toHaveAttribute('aria-label', 'Saved the link only: Folio could not read the page. The site answered 403 Forbidden. Its article downloads when you open it in Folio.');
    expect((await folio.badge(page)).text).toBe('!');

    const library = await folio.context.newPage();
    await library.goto(`chrome-extension://${folio.extensionId}/library.html`);
    await expect(library.locator('.folio-row', { hasText: 'Members-only keepers' })).toContainText('download failed');
    await library.close();
  });
});

test('Save page on a 50,000-element page copies it and reads it away from the page, then saves it', async ({ folio, server, page }) => {
  await page.goto(server.url('odd/huge.html'));
  await clickMenu(folio, page, 'folio-save-page');
  // One native query a poll: a Playwright locator would walk the 50,000 elements on the page's thread each time.
  const outcome = await page.waitForFunction(
    () => {
      const host = document.querySelector('folio-save-notice');
      return host && host.getAttribute('data-state') !== 'working' && `${host.getAttribute('data-state')}: ${host.getAttribute('aria-label')}`;
    },
    null,
    { timeout: 30_000, polling: 100 },
  );
  expect(await outcome.jsonValue()).toMatch(/^done: (Saved to Folio|Already in Folio: updated) ✓$/);
  const library = await folio.context.newPage();
  await library.goto(`chrome-extension://${folio.extensionId}/library.html`);
  await expect(library.locator('.folio-row-title', { hasText: 'A very large page' })).toBeVisible();
  await library.close();
});
