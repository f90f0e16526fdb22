import { srcsetCandidates } from '../library/offline-images/image-urls';

/**
 * Shows a saved article's cached images: in the article as already rendered (its HTML came through the
 * one sanitizer and is in the DOM), each <img> whose src or a srcset candidate has cached bytes gets an
 * object URL of those bytes as its src. Its srcset/sizes and its <picture>'s <source>s go, or the browser
 * would keep choosing a network candidate. No HTML string is built or parsed here: only the src attribute
 * of existing images changes, to a blob: URL this page made from bytes typed as a raster image.
 *
 * Returns the object URLs it made; the page revokes them when it goes away.
 */
export function showCachedImages(root: ParentNode, cached: ReadonlyMap<string, Blob>, createUrl: (blob: Blob) => string = (blob) => URL.createObjectURL(blob)): string[] {
  const made = new Map<string, string>();
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const srcset = image.getAttribute('srcset');
    const candidates = [image.getAttribute('src'), ...(srcset ? srcsetCandidates(srcset).map((candidate) => candidate.url) : [])];
    const url = candidates.find((candidate): candidate is string => candidate !== null && cached.has(candidate));
    if (!url) continue;
    let objectUrl = made.get(url);
    if (!objectUrl) {
      objectUrl = createUrl(cached.get(url)!);
      made.set(url, objectUrl);
    }
    image.removeAttribute('srcset');
    image.removeAttribute('sizes');
    const picture = image.parentElement?.tagName === 'PICTURE' ? image.parentElement : null;
    for (const source of Array.from(picture?.querySelectorAll('source') ?? [])) source.remove();
    image.setAttribute('src', objectUrl);
  }
  return [...made.values()];
}
