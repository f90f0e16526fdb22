/**
 * One article, one key: the library identifies a saved article by its normalised URL, so saving the same
 * page twice (from a newsletter link, a tweet, with or without `#comments`) updates the same record.
 */

/** Query parameters that only say where a visitor came from; they never change the page itself. */
const TRACKING_PARAM_NAMES = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_eid', 'mc_cid', 'igshid', 'igsh', 'si', '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking',
  'mkt_tok', 'oly_enc_id', 'oly_anon_id', 'vero_id', 'vero_conv', '_ga', '_gl', 'ref_src', 'ref_url',
  'cmpid', 'ncid', 'sr_share', 'smid', 'wt_mc', 'spm', 'scid', 's_cid', 'rb_clickid', 'guccounter',
]);
/** Families of tracking parameters recognised by prefix (utm_source, utm_medium, …, pk_campaign, …). */
const TRACKING_PARAM_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'ga_'];

export type NormalizeUrlResult = { ok: true; url: string } | { ok: false; reason: 'invalid' | 'unsupported-scheme'; detail: string };

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAM_NAMES.has(lower) || TRACKING_PARAM_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * Normalises an article URL: lowercase scheme and host (the URL parser does that, and drops default
 * ports), no fragment, no tracking parameters, no empty `?`. Path case and the order of the remaining
 * parameters are kept: servers may treat them as meaningful.
 */
export function normalizeUrl(raw: string): NormalizeUrlResult {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'invalid', detail: `Not a valid address: ${raw.slice(0, 200)}` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: 'unsupported-scheme', detail: `Only web pages (http, https) can be saved, not ${parsed.protocol}` };
  }
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.slice(0, -1);
  const kept = [...parsed.searchParams].filter(([name]) => !isTrackingParam(name));
  // Rebuild the query only when something was dropped: URLSearchParams re-encodes what it writes.
  if (kept.length !== [...parsed.searchParams].length) {
    parsed.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  }
  const text = parsed.toString();
  return { ok: true, url: text.endsWith('?') ? text.slice(0, -1) : text };
}

/**
 * The key an article is saved under: the page's canonical URL when it declares a plausible one, else the
 * address it was read at. A canonical that points at the site's home page from a deeper page is a
 * common CMS mistake and is ignored.
 */
export function articleKey(pageUrl: string, canonicalUrl?: string | null): NormalizeUrlResult {
  const page = normalizeUrl(pageUrl);
  if (!canonicalUrl) return page;
  let canonicalInput = canonicalUrl;
  try {
    canonicalInput = new URL(canonicalUrl, page.ok ? page.url : undefined).toString();
  } catch {
    return page;
  }
  const canonical = normalizeUrl(canonicalInput);
  if (!canonical.ok) return page;
  if (page.ok && new URL(canonical.url).pathname === '/' && new URL(page.url).pathname !== '/') return page;
  return canonical;
}

/** The host shown as an article's site when the page names none ("example.com", without "www."). */
export function siteFromUrl(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
