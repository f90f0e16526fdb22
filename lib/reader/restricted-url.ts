/**
 * Pages where browsers never let an extension run: their own pages, the extension stores, the PDF
 * viewer. The toolbar button says so there instead of failing silently.
 */
const RESTRICTED = [
  /^(?:chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|view-source|devtools|chrome-search|resource|data|blob|javascript):/i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https?:\/\/[^?#]+\.pdf(?:[?#]|$)/i,
];

export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return true;
  return RESTRICTED.some((pattern) => pattern.test(url));
}
