import { browser } from 'wxt/browser';

/** The toolbar button's API: `action` in Chrome's MV3 build, `browserAction` in Firefox's MV2 build. */
export const toolbarAction = browser.action ?? browser.browserAction;
