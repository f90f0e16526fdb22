import { browser } from 'wxt/browser';

/**
 * Folio's one optional permission: access to every site (`<all_urls>`, optional in the manifest). It
 * lets the detection script run on each page load and lets the library download saved links; the
 * reader itself needs none of it (a click grants `activeTab` for that tab). One helper for every use.
 */
const ALL_SITES = { origins: ['<all_urls>'] };

export async function hasAllSitesAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains(ALL_SITES);
  } catch {
    return false;
  }
}

/**
 * Asks the browser (it shows its own prompt). Call it first thing in a click handler: browsers grant
 * only during a user action, and Firefox forgets that the action happened after any earlier `await`.
 * Resolves true at once, without a prompt, when the access is already granted.
 */
export async function requestAllSitesAccess(): Promise<boolean> {
  try {
    return await browser.permissions.request(ALL_SITES);
  } catch (error) {
    // Refused outside a user action (even when the access is already held, in Chrome), or not
    // requestable here: answer with what the browser holds, so a held access still counts.
    console.warn('Folio: the browser refused the request for access to all sites', error);
    return hasAllSitesAccess();
  }
}

/** Gives the access back (the user chose click-only mode and wants nothing more). */
export async function removeAllSitesAccess(): Promise<boolean> {
  try {
    return await browser.permissions.remove(ALL_SITES);
  } catch {
    return false;
  }
}

/** Calls back with the new state whenever the access is granted or removed (here, or in the browser's settings). */
export function watchAllSitesAccess(callback: (granted: boolean) => void): () => void {
  const changed = () => void hasAllSitesAccess().then(callback);
  browser.permissions.onAdded.addListener(changed);
  browser.permissions.onRemoved.addListener(changed);
  return () => {
    browser.permissions.onAdded.removeListener(changed);
    browser.permissions.onRemoved.removeListener(changed);
  };
}
