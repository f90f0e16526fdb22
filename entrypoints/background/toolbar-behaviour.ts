import { browser } from 'wxt/browser';
import { loadBehaviourPrefs, saveBehaviourPrefs, watchBehaviourPrefs, type BehaviourPrefs } from '@/lib/storage/prefs';
import { toolbarAction } from './action';
import { toggleReader } from './toggle-reader';
import { createLibraryMenus } from './library-menus';

const POPUP_PAGE = '/popup.html';
const MENU_OPEN_LIBRARY = 'folio-open-library';
const MENU_TOOLBAR_OPENS_POPUP = 'folio-toolbar-opens-popup';

/** The toolbar icon's own right-click menu: `action` in MV3, `browser_action` in Firefox's MV2. */
const ACTION_CONTEXT = (import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action') as 'action';

async function applyToolbarBehaviour(prefs: BehaviourPrefs): Promise<void> {
  // With a popup set, a click opens it and onClicked does not fire; with none, a click opens the reader.
  await toolbarAction.setPopup({ popup: prefs.toolbarOpens === 'popup' ? POPUP_PAGE : '' });
  await browser.contextMenus.update(MENU_TOOLBAR_OPENS_POPUP, { checked: prefs.toolbarOpens === 'popup' }).catch(() => undefined);
}

function createActionMenu(prefs: BehaviourPrefs): void {
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: MENU_OPEN_LIBRARY, title: 'Open the Folio library', contexts: [ACTION_CONTEXT] });
    browser.contextMenus.create({
      id: MENU_TOOLBAR_OPENS_POPUP,
      title: 'Toolbar button opens the popup',
      type: 'checkbox',
      checked: prefs.toolbarOpens === 'popup',
      contexts: [ACTION_CONTEXT],
    });
    createLibraryMenus();
  });
}

export async function openLibrary(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
}

/**
 * The toolbar button opens the reader (default) or the popup (a setting, also in the icon's right-click
 * menu); the keyboard shortcut always toggles the reader; the popup stays one right-click away.
 */
export function registerToolbarBehaviour(): void {
  toolbarAction.onClicked.addListener((tab) => void toggleReader(tab));
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-reader') return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    await toggleReader(target);
  });
  browser.runtime.onInstalled.addListener(() => void loadBehaviourPrefs().then(createActionMenu));
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_OPEN_LIBRARY) void openLibrary();
    if (info.menuItemId === MENU_TOOLBAR_OPENS_POPUP) void saveBehaviourPrefs({ toolbarOpens: info.checked ? 'popup' : 'reader' });
  });
  void loadBehaviourPrefs().then(applyToolbarBehaviour);
  watchBehaviourPrefs((prefs) => void applyToolbarBehaviour(prefs));
}
