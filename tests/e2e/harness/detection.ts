import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './extension';

/** Loads the page afresh and says whether Folio's detection script ran on it (its performance entry). */
export async function detectionRanOn(page: Page, url: string): Promise<boolean> {
  await page.goto(url, { waitUntil: 'load' });
  // The script runs at document_idle, just after load; a second is far more than it needs here.
  return page
    .waitForFunction(() => performance.getEntriesByName('folio:detect').length > 0, undefined, { timeout: 1_000 })
    .then(() => true, () => false);
}

/** The origins Folio holds beyond its install-time permissions. */
export async function grantedOrigins(folio: ExtensionBrowser): Promise<string[]> {
  return folio.worker.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
}
