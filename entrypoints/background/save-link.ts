import { browser, type Browser } from 'wxt/browser';
import { withTimeout } from '@/lib/extract-service/with-timeout';
import { saveLink, type SaveLinkProgress } from '@/lib/library/save-link';
import { showSaveNotice } from '@/lib/library/save-notice';
import { libraryDb } from '@/lib/storage/db';
import { storeDownloadedContent } from '@/lib/storage/library-repo';
import { importItems } from '@/lib/storage/library-repo-import';
import { journalLinkSave } from '@/lib/storage/save-journal';
import { extractAway } from './extract-service';
import { flashBadge } from './flash-badge';
import { saveToLibrary } from './library-save';

/** Fetching (up to 20 s) and extracting together; past this the link is kept alone and the user told. */
const LINK_TIMEOUT_MS = 45_000;
const BADGE: Record<SaveLinkProgress['state'], string> = { working: '…', done: '✓', error: '!' };

/** Progress on the toolbar badge of the tab the link was in, and in that tab's corner when Folio may show it there. */
async function report(tab: Browser.tabs.Tab | undefined, { state, text }: SaveLinkProgress): Promise<void> {
  await flashBadge(tab?.id, BADGE[state], text, { keep: state === 'working' }).catch(() => undefined);
  if (tab?.id === undefined) return;
  // The menu click granted activeTab on this tab; pages Folio may not touch keep the badge alone.
  await browser.scripting.executeScript({ target: { tabId: tab.id }, func: showSaveNotice, args: [text, state] }).catch(() => undefined);
}

async function saveLinkOnly(url: string, title: string | null, failure: string | null): Promise<{ ok: true } | { ok: false; message: string }> {
  const db = libraryDb();
  const item = { url, title, excerpt: null, savedAt: null, tags: [], archived: false, favourite: false, line: 0 };
  const imported = await importItems(db, [item], 'save');
  if (!imported.ok) return { ok: false, message: imported.error.message };
  // A new link is marked "download failed" with the reason, as the library's downloads do, when a
  // download was tried; an article already saved keeps the content it has.
  if (failure !== null && imported.value.pending.includes(url)) await storeDownloadedContent(db, url, { ok: false, detail: failure });
  return { ok: true };
}

export async function saveLinkFromMenu(url: string, linkText: string | undefined, tab: Browser.tabs.Tab | undefined, permitted: Promise<boolean>): Promise<unknown> {
  // Journaled first: reading the page can take 45 s, and a worker stopped meanwhile keeps the link.
  const finished = await journalLinkSave(browser.storage.local, url, linkText?.trim() || null);
  return saveLink(url, linkText, {
    permitted,
    extract: (pageUrl) => withTimeout(extractAway({ source: 'url', url: pageUrl }), LINK_TIMEOUT_MS, `The page took longer than ${LINK_TIMEOUT_MS / 1000} s to load and read.`),
    saveArticle: saveToLibrary,
    saveLinkOnly,
    report: (progress) => report(tab, progress),
  }).finally(finished);
}
