import { browser } from 'wxt/browser';

/**
 * On first install, a page explains the two ways Folio can work (click only, or automatic detection,
 * which needs access to all sites) and lets the user grant that access with a click. Updates stay quiet.
 */
export function registerOnboarding(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
}
