import { browser, type Browser } from 'wxt/browser';
import { isRestrictedUrl } from '@/lib/reader/restricted-url';
import { toolbarAction } from './action';

/** Built from entrypoints/reader.content/ and injected only on demand, so pages pay nothing for it. */
const READER_SCRIPT = '/content-scripts/reader.js';

/**
 * Runs in the page's isolated world (the one the reader would run in), self-contained because
 * scripting.executeScript serialises it: says the document is no web page at all (SVG, XML: no body,
 * no HTML to read or style); or, with a reader already loaded, toggles it ('toggle') or leaves it
 * ('open'); or says the reader can't start here: the page's own elements named `chrome` and `browser`
 * hide the extension API from this world (lib/content/extension-api-guard.ts reclaims it when one
 * of the two is still real, but with both clobbered the reader would fail before drawing anything).
 */
type InPageOutcome = 'done' | 'not-loaded' | 'not-html' | 'api-lost';

function readerStepInPage(mode: 'toggle' | 'open'): InPageOutcome {
  if (!(document.documentElement instanceof HTMLElement) || !/^(text\/html|application\/xhtml\+xml)$/.test(document.contentType)) return 'not-html';
  const toggle = (globalThis as { __folioToggleReader?: () => void }).__folioToggleReader;
  if (typeof toggle === 'function') {
    if (mode === 'toggle') toggle();
    return 'done';
  }
  // The guard's isExtensionApi, repeated: a real runtime has a non-empty id and callable methods.
  const isApi = (value: unknown) => {
    try {
      const runtime = (value as { runtime?: { id?: unknown; getURL?: unknown; sendMessage?: unknown } } | null | undefined)?.runtime;
      return typeof runtime?.id === 'string' && runtime.id !== '' && typeof runtime.getURL === 'function' && typeof runtime.sendMessage === 'function';
    } catch {
      return false;
    }
  };
  const world = globalThis as unknown as { chrome?: unknown; browser?: unknown };
  return isApi(world.chrome) || isApi(world.browser) ? 'not-loaded' : 'api-lost';
}

const CANNOT_RUN = "Folio can't read this page: browsers don't let extensions run on their own pages, the extension stores or the PDF viewer.";
const NOT_A_WEB_PAGE = "Folio can't read this page: it is an image or data document (SVG, XML), not a web page.";
export const API_HIDDEN_BY_PAGE = "Folio can't open the reader on this page: the page's own elements named \"chrome\" and \"browser\" hide the browser's extension interface from Folio.";

async function sayCannotRun(tabId: number, title = CANNOT_RUN): Promise<void> {
  await toolbarAction.setBadgeText({ tabId, text: '✕' });
  await toolbarAction.setBadgeBackgroundColor({ tabId, color: '#8a8a8a' });
  await toolbarAction.setTitle({ tabId, title });
}

/** Opens the reader on the tab, or closes it when it is open (toolbar button and keyboard shortcut). */
export function toggleReader(tab: Browser.tabs.Tab | undefined): Promise<void> {
  return runReader(tab, 'toggle');
}

/** Opens the reader unless it was already loaded (a site the reader always opens on). */
export function openReader(tab: Browser.tabs.Tab | undefined): Promise<void> {
  return runReader(tab, 'open');
}

async function runReader(tab: Browser.tabs.Tab | undefined, mode: 'toggle' | 'open'): Promise<void> {
  if (tab?.id === undefined) return;
  if (isRestrictedUrl(tab.url)) {
    await sayCannotRun(tab.id);
    return;
  }
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: readerStepInPage, args: [mode] });
    if (first?.result === 'done') return;
    if (first?.result === 'not-html') {
      await sayCannotRun(tab.id, NOT_A_WEB_PAGE);
      return;
    }
    if (first?.result === 'api-lost') {
      await sayCannotRun(tab.id, API_HIDDEN_BY_PAGE);
      return;
    }
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [READER_SCRIPT] });
  } catch (error) {
    console.warn('Folio: cannot run on this tab', error);
    await sayCannotRun(tab.id);
  }
}
