import { browser } from 'wxt/browser';

/**
 * Downloading saved links and imported articles needs the pages' origins. Folio asks once, when the
 * user first downloads (a click: browsers only grant permissions in response to one).
 */
const ALL_SITES = { origins: ['<all_urls>'] };

export async function hasDownloadPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains(ALL_SITES);
  } catch {
    return false;
  }
}

export async function requestDownloadPermission(): Promise<boolean> {
  // Asked before anything is awaited: a click's permission to prompt ends at the first await in
  // Firefox (and a context-menu click in Chrome's worker), and request() answers true at once,
  // without a prompt, when the permission is already held.
  try {
    return await browser.permissions.request(ALL_SITES);
  } catch {
    // Refused outside a click even when held (Chrome), or not requestable here: say what we hold.
    return hasDownloadPermission();
  }
}
