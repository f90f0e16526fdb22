import { ATTACKER_HOST } from '../corpus/canary';
import type { ReaderOutcome } from './overlay-surface';
import type { SecurityBrowser } from './security-browser';
import type { Surface } from './surface-probe';

const READER_TIMEOUT_MS = 8_000;

/**
 * The second surface: the saved copy of case `caseId` in the extension's reader page (a fresh
 * extension-origin document, where no raw page ran first), provoked and scanned as the overlay was.
 * `surface` already shows one of Folio's pages (the library is looked up from there).
 */
export async function runCaseInReader(browser: SecurityBrowser, surface: Surface, caseId: string): Promise<ReaderOutcome> {
  const id = await browser.findSavedId(surface, caseId).catch(() => null);
  if (!id) return { rendering: 'not-saved', loadingReferences: [], renderedHtml: '', detail: 'saved record not found' };
  try {
    await surface.goto(browser.readerUrl(id));
    const shown = await surface.waitForArticle(READER_TIMEOUT_MS);
    if (shown !== 'body') throw new Error(`reader page shows ${shown === 'timeout' ? 'nothing' : 'no article'}`);
    await surface.provoke();
    return { rendering: 'article', loadingReferences: await surface.scan(ATTACKER_HOST), renderedHtml: await surface.renderedBody() };
  } catch (error) {
    return { rendering: 'no-reader', loadingReferences: [], renderedHtml: '', detail: String(error).split('\n')[0] };
  }
}
