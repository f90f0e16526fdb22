/**
 * Which image URLs of a saved article to cache: one per <img> of the sanitized body (the candidate the
 * offline reader will show in its place) plus the lead image, http(s) only, at most `max`, in reading order.
 *
 * It reads the sanitizer's serialized output as text, because the MV3 service worker that caches after a
 * save has no DOM parser. That output is regular: every attribute is written `name="value"` with `"` and
 * `&` escaped, so a tag is `<img` followed by such attributes; nothing else needs parsing.
 */

const IMG_TAG = /<img\b((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:="([^"]*)")?/g;
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', nbsp: '\u00a0', '#39': "'" };

function decode(value: string): string {
  return value.replace(/&(amp|quot|lt|gt|nbsp|#39);/g, (_, name: string) => ENTITIES[name]!);
}

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, value] of text.matchAll(ATTRIBUTE)) attributes.set(name!.toLowerCase(), decode(value ?? ''));
  return attributes;
}

export interface SrcsetCandidate {
  url: string;
  /** The `w` descriptor, or null for `x` descriptors and none. */
  width: number | null;
}

/**
 * The candidates of a srcset attribute, read as the HTML standard does: a URL is a run of non-spaces (it
 * may hold commas, as image-CDN addresses do), a comma right after it or after its descriptor ends it.
 */
export function srcsetCandidates(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  const pattern = /[\s,]*(\S+)/y;
  let position = 0;
  while (position < srcset.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(srcset);
    if (!match) break;
    let url = match[1]!;
    position = pattern.lastIndex;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const end = srcset.indexOf(',', position);
      descriptor = srcset.slice(position, end === -1 ? srcset.length : end).trim();
      position = end === -1 ? srcset.length : end + 1;
    }
    if (!url) continue;
    const width = /^(\d+)w$/.exec(descriptor);
    candidates.push({ url, width: width ? Number(width[1]) : null });
  }
  return candidates;
}

/**
 * The one URL to cache for an image: the widest srcset candidate no wider than `maxWidth` when the srcset
 * gives widths (the closest to what a screen shows, and small), else `src`, else the first candidate.
 */
export function chosenImageUrl(src: string | null, srcset: string | null, maxWidth: number): string | null {
  const candidates = srcset ? srcsetCandidates(srcset) : [];
  const sized = candidates.filter((c) => c.width !== null && c.width <= maxWidth).sort((a, b) => b.width! - a.width!);
  return sized[0]?.url ?? (src || null) ?? candidates[0]?.url ?? null;
}

const FETCHABLE = /^https?:\/\//i;

/** The URLs to cache for `html` (the sanitized body) and the lead image, unique, at most `max`. */
export function imagesToCache(html: string, leadImage: string | null, { maxWidth, max }: { maxWidth: number; max: number }): string[] {
  const urls = new Set<string>();
  for (const [, attributeText] of html.matchAll(IMG_TAG)) {
    const attributes = attributesOf(attributeText ?? '');
    const url = chosenImageUrl(attributes.get('src') ?? null, attributes.get('srcset') ?? null, maxWidth);
    if (url && FETCHABLE.test(url)) urls.add(url);
  }
  if (leadImage && FETCHABLE.test(leadImage)) urls.add(leadImage);
  return [...urls].slice(0, max);
}
