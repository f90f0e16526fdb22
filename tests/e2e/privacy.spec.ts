import type { IncomingMessage } from 'node:http';
import type { Request } from '@playwright/test';
import { READER, expect, test } from './harness/fixtures';

const SEED = 'seed/modal-scroll-lock/source.html';

interface Logged {
  url: string;
  origin: string;
  frame: string | null;
}

function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    // Node gives non-special schemes (chrome-extension:) an opaque "null" origin; build it by hand.
    return parsed.protocol === 'data:' || parsed.protocol === 'blob:' ? parsed.protocol : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return url;
  }
}

/** A request log for Playwright's `request` event: address, origin and the frame that asked. */
function requestLog() {
  const log: Logged[] = [];
  const record = (request: Request) => {
    let frame: string | null = null;
    try {
      frame = request.frame().url();
    } catch {
      // Service-worker requests have no frame.
    }
    log.push({ url: request.url(), origin: originOf(request.url()), frame });
  };
  return { log, record };
}

test('Folio makes no network request of its own in the main flows', async ({ folio, server, page }) => {
  const { log, record } = requestLog();

  // The page loads first, on its own: what it fetches then is the page's, and names its own hosts.
  const pageOwn: Logged[] = [];
  const recordPageLoad = (request: Request) => pageOwn.push({ url: request.url(), origin: originOf(request.url()), frame: null });
  folio.context.on('request', recordPageLoad);
  await page.goto(server.url(SEED), { waitUntil: 'load' });
  folio.context.off('request', recordPageLoad);
  const pageHosts = new Set(pageOwn.map((entry) => entry.origin));
  expect(pageHosts.has(server.origin)).toBe(true);

  folio.context.on('request', record);
  try {
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    await expect(reader.locator('.folio-body p')).toHaveCount(16);
    await reader.locator('.folio-typography-toggle').click();
    await reader.getByRole('radio', { name: 'Sepia' }).click();
    await reader.getByRole('button', { name: 'Increase text size' }).click();
    await expect(reader).toHaveAttribute('data-theme', 'sepia');
    await page.keyboard.press('Escape');
    await expect(page.locator('folio-reader')).toHaveCount(0);

    for (const extensionPage of ['popup.html', 'options.html']) {
      const tab = await folio.context.newPage();
      await tab.goto(`chrome-extension://${folio.extensionId}/${extensionPage}`, { waitUntil: 'load' });
      await expect(tab.locator('body')).not.toBeEmpty();
      await tab.close();
    }
  } finally {
    folio.context.off('request', record);
    await folio.worker.evaluate(() => chrome.storage.sync.clear());
  }

  // Allowed: the extension's own files, the fixture server, and the article's own hosts (its images,
  // which the reader shows as the page did). Anything else would be Folio calling home.
  const extension = `chrome-extension://${folio.extensionId}`;
  // (Files the content script fetches from its package carry a per-session id, not the extension id.)
  const foreign = log.filter((entry) => !entry.origin.startsWith('chrome-extension://') && entry.origin !== server.origin && !pageHosts.has(entry.origin) && entry.origin !== 'data:' && entry.origin !== 'blob:');
  expect(foreign, JSON.stringify(foreign, null, 2)).toEqual([]);
  // Extension pages fetch nothing from the network at all.
  const fromExtensionPages = log.filter((entry) => entry.frame?.startsWith(extension) && entry.origin !== extension);
  expect(fromExtensionPages).toEqual([]);
  // The log really recorded the flows (the extension's own pages were loaded).
  expect(log.some((entry) => entry.url.endsWith('/popup.html'))).toBe(true);
  expect(log.some((entry) => entry.url.endsWith('/options.html'))).toBe(true);
});

/**
 * Multi-page stories (issue 3): the one request Folio makes for a page's content is the story's next
 * page, and only when the reader presses "Continue": to the page's own origin, as the page's own click
 * on "next" would go (its cookies, the browser's user agent, no header of Folio's).
 */
test('a multi-page story\'s next page is requested only after the click, only from the same origin, like a click', async ({ folio, server, page }) => {
  const { log, record } = requestLog();
  const served: Array<{ path: string; headers: Record<string, string | string[] | undefined> }> = [];
  // The site's icon is left out: the browser's tab and the overlay's header show it, as for any page.
  const onServed = (request: IncomingMessage) => {
    const path = new URL(request.url ?? '/', server.origin).pathname;
    if (path !== '/favicon.ico') served.push({ path, headers: request.headers });
  };
  await page.goto(server.url('multipage/long-read.html'), { waitUntil: 'load' });
  // The site's own cookie, which a click on its "next" link would send.
  await page.evaluate(() => (document.cookie = 'reader-session=abc123; path=/'));
  const userAgent = await page.evaluate(() => navigator.userAgent);
  folio.context.on('request', record);
  server.server.on('request', onServed);
  try {
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    const next = reader.getByRole('button', { name: 'Continue: load page 2' });
    await expect(next).toBeVisible();
    await expect(reader.locator('.folio-save')).toHaveText(/^(Save|Saved ✓)$/, { timeout: 20_000 });
    // Offered, not fetched: nothing of the page's site was asked for while the overlay opened.
    expect(served).toEqual([]);
    expect(log.filter((entry) => entry.origin === server.origin && !entry.url.endsWith('/favicon.ico'))).toEqual([]);

    await next.click();
    await expect(reader.locator('.folio-body').getByRole('heading', { name: 'Page 2' })).toBeVisible();
    expect(served.map((entry) => entry.path)).toEqual(['/multipage/long-read-2.html']);
    const headers = served[0]!.headers;
    expect(headers.cookie).toContain('reader-session=abc123');
    expect(headers['user-agent']).toBe(userAgent);
    expect(headers['sec-fetch-site']).toBe('same-origin');
    expect(headers.referer).toBe(server.url('multipage/long-read.html'));
  } finally {
    folio.context.off('request', record);
    server.server.off('request', onServed);
    await page.evaluate(() => (document.cookie = 'reader-session=; max-age=0; path=/'));
  }
  const foreign = log.filter((entry) => !entry.origin.startsWith('chrome-extension://') && entry.origin !== server.origin && entry.origin !== 'data:' && entry.origin !== 'blob:');
  expect(foreign, JSON.stringify(foreign, null, 2)).toEqual([]);
  const fromSite = log.filter((entry) => entry.origin === server.origin && !entry.url.endsWith('/favicon.ico'));
  expect(fromSite.map((entry) => new URL(entry.url).pathname)).toEqual(['/multipage/long-read-2.html']);
});
