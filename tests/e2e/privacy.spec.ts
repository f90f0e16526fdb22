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

test('Folio makes no network request of its own in the main flows', async ({ folio, server, page }) => {
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
