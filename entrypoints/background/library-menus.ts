import { browser, type Browser } from 'wxt/browser';
import { libraryDb } from '@/lib/storage/db';
import { purgeTrash } from '@/lib/storage/library-repo-trash';
import { requestAllSitesAccess } from '@/lib/permissions/all-sites-access';
import { isRestrictedUrl } from '@/lib/reader/restricted-url';
import { flashBadge } from './flash-badge';
import { saveLinkFromMenu } from './save-link';

/**
 * Saving without opening the reader: the page's context menu, a link's context menu and the
 * "save-article" shortcut. The page is extracted by a one-off script (entrypoints/save-page.content.ts)
 * that shows its own confirmation; a link's page is fetched and extracted away from any page by the
 * extraction service (./save-link.ts), with progress on the toolbar badge and in the tab.
 */

const SAVE_PAGE_SCRIPT = '/content-scripts/save-page.js';
export const MENU_SAVE_PAGE = 'folio-save-page';
export const MENU_SAVE_LINK = 'folio-save-link';

/** Called by the menu set-up after it clears all menus (entrypoints/background/toolbar-behaviour.ts). */
export function createLibraryMenus(): void {
  browser.contextMenus.create({ id: MENU_SAVE_PAGE, title: 'Save page to Folio', contexts: ['page'] });
  browser.contextMenus.create({ id: MENU_SAVE_LINK, title: 'Save link to Folio', contexts: ['link'] });
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

export function registerLibraryMenus(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SAVE_PAGE) void savePage(tab);
    if (info.menuItemId === MENU_SAVE_LINK && info.linkUrl) {
      // Asked here, synchronously: the click is what lets Folio ask for permission to read the site.
      const permitted = requestAllSitesAccess();
      void saveLinkFromMenu(info.linkUrl, (info as { linkText?: string }).linkText ?? info.selectionText, tab, permitted);
    }
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'save-article') return;
    await savePage(tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]);
  });
  // Deletions older than the undo window become permanent when the background starts.
  void purgeTrash(libraryDb());
}
