import { browser, type Browser } from 'wxt/browser';
import { isRestrictedUrl } from '@/lib/reader/restricted-url';
import { toolbarAction } from './action';

/** Built from entrypoints/reader.content/ and injected only on demand, so pages pay nothing for it. */
const READER_SCRIPT = '/content-scripts/reader.js';

/** Runs in the page's isolated world: toggles an overlay that is already loaded, else reports false. */
function toggleLoadedReader(): boolean {
  const toggle = (globalThis as { __folioToggleReader?: () => void }).__folioToggleReader;
  if (typeof toggle !== 'function') return false;
  toggle();
  return true;
}

async function sayCannotRun(tabId: number): Promise<void> {
  await toolbarAction.setBadgeText({ tabId, text: '✕' });
  await toolbarAction.setBadgeBackgroundColor({ tabId, color: '#8a8a8a' });
  await toolbarAction.setTitle({
    tabId,
    title: "Folio can't read this page: browsers don't let extensions run on their own pages, the extension stores or the PDF viewer.",
  });
}

/** Opens the reader on the tab, or closes it when it is open (toolbar button and keyboard shortcut). */
export function toggleReader(tab: Browser.tabs.Tab | undefined): Promise<void> {
  return runReader(tab, toggleLoadedReader);
}

/** Runs in the page: true when the reader is already loaded there (so opening again does nothing). */
function isReaderLoaded(): boolean {
  return typeof (globalThis as { __folioToggleReader?: unknown }).__folioToggleReader === 'function';
}

/** Opens the reader unless it was already loaded (a site the reader always opens on). */
export function openReader(tab: Browser.tabs.Tab | undefined): Promise<void> {
  return runReader(tab, isReaderLoaded);
}

async function runReader(tab: Browser.tabs.Tab | undefined, whenLoaded: () => boolean): Promise<void> {
  if (tab?.id === undefined) return;
  if (isRestrictedUrl(tab.url)) {
    await sayCannotRun(tab.id);
    return;
  }
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: whenLoaded });
    if (first?.result === true) return;
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [READER_SCRIPT] });
  } catch (error) {
    console.warn('Folio: cannot run on this tab', error);
    await sayCannotRun(tab.id);
  }
}
