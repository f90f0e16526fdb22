/**
 * Which image URLs of a saved article to cache: one per <img> of the sanitized body (the candidate the
 * offline reader will show in its place) plus the lead image, http(s) only, at most `max`, in reading order.
 *
 * It reads the sanitizer's serialized output as text, because the MV3 service worker that caches after a
 * save has no DOM parser. That output is regular: every attribute is written `name="value"` with `"` and
 * `&` escaped, so a tag is `<img` followed by such attributes; nothing else needs parsing.
 */

import { srcsetEntries } from '../../extract/srcset';

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

/** The candidates of a srcset attribute with their widths (lib/extract/srcset.ts reads the attribute). */
export function srcsetCandidates(srcset: string): SrcsetCandidate[] {
  return srcsetEntries(srcset).map(({ url, descriptor }) => {
    const width = /^(\d+)w$/.exec(descriptor);
    return { url, width: width ? Number(width[1]) : null };
  });
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
