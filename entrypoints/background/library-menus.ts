import { browser, type Browser } from 'wxt/browser';
import { importItems } from '@/lib/storage/library-repo-import';
import { libraryDb } from '@/lib/storage/db';
import { purgeTrash } from '@/lib/storage/library-repo-trash';
import { normalizeUrl } from '@/lib/library/url-normalize';
import { isRestrictedUrl } from '@/lib/reader/restricted-url';
import { toolbarAction } from './action';

/**
 * Saving without opening the reader: the page's context menu, a link's context menu and the
 * "save-article" shortcut. The page is extracted by a one-off script (entrypoints/save-page.content.ts)
 * that shows its own confirmation; a link is saved at once with its text as the title, and its
 * article is downloaded when first opened in the library (or by "Download all").
 */

const SAVE_PAGE_SCRIPT = '/content-scripts/save-page.js';
export const MENU_SAVE_PAGE = 'folio-save-page';
export const MENU_SAVE_LINK = 'folio-save-link';

/** Called by the menu set-up after it clears all menus (entrypoints/background/toolbar-behaviour.ts). */
export function createLibraryMenus(): void {
  browser.contextMenus.create({ id: MENU_SAVE_PAGE, title: 'Save page to Folio', contexts: ['page'] });
  browser.contextMenus.create({ id: MENU_SAVE_LINK, title: 'Save link to Folio', contexts: ['link'] });
}

async function flashBadge(tabId: number | undefined, text: string, title: string): Promise<void> {
  if (tabId === undefined) return;
  await toolbarAction.setBadgeText({ tabId, text });
  await toolbarAction.setTitle({ tabId, title });
  setTimeout(() => void toolbarAction.setBadgeText({ tabId, text: '' }).catch(() => undefined), 4000);
}

export async function savePage(tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  if (isRestrictedUrl(tab.url)) {
    await flashBadge(tab.id, '✕', "Folio can't save this page: browsers don't let extensions read their own pages.");
    return;
  }
  try {
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [SAVE_PAGE_SCRIPT] });
  } catch (error) {
    console.warn('Folio: cannot save this tab', error);
    await flashBadge(tab.id, '✕', 'Folio could not read this page to save it.');
  }
}

async function saveLink(url: string, text: string | undefined, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const normalized = normalizeUrl(url);
  if (!normalized.ok) {
    await flashBadge(tab?.id, '✕', normalized.detail);
    return;
  }
  const result = await importItems(
    libraryDb(),
    [{ url: normalized.url, title: text?.trim() || null, excerpt: null, savedAt: null, tags: [], archived: false, favourite: false, line: 0 }],
    'save',
  );
  if (result.ok) await flashBadge(tab?.id, '✓', `Saved to Folio: ${text?.trim() || normalized.url}. Its text is downloaded when you open it.`);
  else await flashBadge(tab?.id, '!', result.error.message);
}

export function registerLibraryMenus(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SAVE_PAGE) void savePage(tab);
    if (info.menuItemId === MENU_SAVE_LINK && info.linkUrl) void saveLink(info.linkUrl, (info as { linkText?: string }).linkText ?? info.selectionText, tab);
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'save-article') return;
    await savePage(tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]);
  });
  // Deletions older than the undo window become permanent when the background starts.
  void purgeTrash(libraryDb());
}
