import { test as base, type Page } from '@playwright/test';
import { launchWithExtension, type AllSitesAccess, type ExtensionBrowser } from './extension';
import { startFixtureServer, type FixtureServer } from './server';

/** One browser with Folio and one fixture server per test file (worker), shared by its tests. */
export const test = base.extend<{ page: Page }, { folio: ExtensionBrowser; server: FixtureServer; allSites: AllSitesAccess }>({
  /** Whether Folio has its optional access to all sites (see AllSitesAccess); a spec file can `test.use` it. */
  allSites: ['granted-by-test-copy', { option: true, scope: 'worker' }],
  folio: [
    async ({ allSites }, use) => {
      const folio = await launchWithExtension({ allSites });
      await use(folio);
      await folio.close();
    },
    { scope: 'worker' },
  ],
  server: [
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ folio }, use) => {
    const page = await folio.context.newPage();
    await use(page);
    await page.close();
  },
});

export { expect } from '@playwright/test';

/** The overlay's reader element (Playwright's CSS locators pierce the open shadow root). */
export const READER = 'folio-reader .folio-reader';

/**
 * What "the page exactly as it was" means: its markup, scroll position, scroll lock and focused
 * element. Every test that opens and closes the reader compares this before and after.
 */
export async function pageState(page: Page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    scrollY: window.scrollY,
    overflow: getComputedStyle(document.documentElement).overflow,
    focused: document.activeElement?.id || document.activeElement?.tagName || null,
  }));
}
