import { browser, type Browser } from 'wxt/browser';
import { isRestrictedUrl } from '@/lib/reader/restricted-url';
import { toolbarAction } from './action';

/** Built from entrypoints/reader.content/ and injected only on demand, so pages pay nothing for it. */
const READER_SCRIPT = '/content-scripts/reader.js';

/**
 * Runs in the page's isolated world: toggles an overlay that is already loaded, says when there is
 * none yet, or that the document is no web page at all (SVG, XML: no body, no HTML to read or style).
 */
type InPageOutcome = 'done' | 'not-loaded' | 'not-html';

function toggleLoadedReader(): InPageOutcome {
  if (!(document.documentElement instanceof HTMLElement) || !/^(text\/html|application\/xhtml\+xml)$/.test(document.contentType)) return 'not-html';
  const toggle = (globalThis as { __folioToggleReader?: () => void }).__folioToggleReader;
  if (typeof toggle !== 'function') return 'not-loaded';
  toggle();
  return 'done';
}

const CANNOT_RUN = "Folio can't read this page: browsers don't let extensions run on their own pages, the extension stores or the PDF viewer.";
const NOT_A_WEB_PAGE = "Folio can't read this page: it is an image or data document (SVG, XML), not a web page.";

async function sayCannotRun(tabId: number, title = CANNOT_RUN): Promise<void> {
  await toolbarAction.setBadgeText({ tabId, text: '✕' });
  await toolbarAction.setBadgeBackgroundColor({ tabId, color: '#8a8a8a' });
  await toolbarAction.setTitle({ tabId, title });
}

/** Opens the reader on the tab, or closes it when it is open (toolbar button and keyboard shortcut). */
export function toggleReader(tab: Browser.tabs.Tab | undefined): Promise<void> {
  return runReader(tab, toggleLoadedReader);
}

/** Runs in the page: "done" when the reader is already loaded there (so opening again does nothing). */
function isReaderLoaded(): InPageOutcome {
  // Self-contained (scripting.executeScript serialises the function), hence the repeated check.
  if (!(document.documentElement instanceof HTMLElement) || !/^(text\/html|application\/xhtml\+xml)$/.test(document.contentType)) return 'not-html';
  return typeof (globalThis as { __folioToggleReader?: unknown }).__folioToggleReader === 'function' ? 'done' : 'not-loaded';
}

/** Opens the reader unless it was already loaded (a site the reader always opens on). */
export function openReader(tab: Browser.tabs.Tab | undefined): Promise<void> {
  return runReader(tab, isReaderLoaded);
}

async function runReader(tab: Browser.tabs.Tab | undefined, inPage: () => InPageOutcome): Promise<void> {
  if (tab?.id === undefined) return;
  if (isRestrictedUrl(tab.url)) {
    await sayCannotRun(tab.id);
    return;
  }
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: inPage });
    if (first?.result === 'done') return;
    if (first?.result === 'not-html') {
      await sayCannotRun(tab.id, NOT_A_WEB_PAGE);
      return;
    }
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [READER_SCRIPT] });
  } catch (error) {
    console.warn('Folio: cannot run on this tab', error);
    await sayCannotRun(tab.id);
  }
}
