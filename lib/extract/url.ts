/**
 * What a URL taken from the page may be used as. Page metadata (canonical address, og:image, icons,
 * JSON-LD) is written by the page, so every such URL is checked here before Folio keeps it:
 * - `link`: an address Folio shows or opens (the article's own URL): http or https only, never
 *   javascript:, vbscript:, data:, file: or a browser-internal scheme;
 * - `image`: a picture that loads by itself (lead image, site icon): http or https, or a small
 *   raster `data:` image (inline favicons are common). SVG is excluded: it is a document that can
 *   carry script and load more.
 */
export type UrlUse = 'link' | 'image';

const WEB_SCHEME = /^https?:$/;
/**
 * An address written out whole: resolved without the base, which the URL parser then never reads (a
 * scheme followed by `//` leaves the base unused; pages write most of their links this way, and each
 * base was parsed again for every one).
 */
const WRITTEN_OUT = /^https?:\/\//i;
const RASTER_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)[;,]/i;
/** Larger inline images are not favicons; they would bloat the library's metadata records. */
const MAX_DATA_IMAGE_LENGTH = 32 * 1024;

/**
 * Resolves `value` against `base` into an absolute URL fit for `use`; null when it is empty, cannot be
 * resolved, or has a scheme `use` does not allow.
 */
export function absoluteUrl(value: string | null | undefined, base: string | null, use: UrlUse = 'link'): string | null {
  if (!value) return null;
  let url: URL;
  try {
    const trimmed = value.trim();
    url = base === null || WRITTEN_OUT.test(trimmed) ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return null;
  }
  if (WEB_SCHEME.test(url.protocol)) return url.href;
  if (use === 'image' && url.protocol === 'data:' && RASTER_DATA_IMAGE.test(url.href) && url.href.length <= MAX_DATA_IMAGE_LENGTH) return url.href;
  return null;
}

/** The document's own address when it has a real one (not about:blank in Node or a clone). */
export function documentUrl(doc: Document): string | null {
  const candidates = [doc.baseURI, doc.documentURI, doc.URL];
  return candidates.find((url) => typeof url === 'string' && /^(?:https?|file):/i.test(url)) ?? null;
}

/** The address without its #fragment: the same page, wherever on it the reader is. */
export function withoutHash(url: string | URL): string {
  return (typeof url === 'string' ? url : url.href).replace(/#.*$/, '');
}
