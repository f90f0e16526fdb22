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
  if (await hasDownloadPermission()) return true;
  try {
    return await browser.permissions.request(ALL_SITES);
  } catch {
    return false;
  }
}
