import type { ExtractRule } from './types';
import { srcsetEntries } from '../srcset';

/** Attributes lazy-loading scripts keep the real image address in, most specific first. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-orig-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];
/** A `src` that only holds the spot until a script swaps the real image in. */
const PLACEHOLDER_SRC = /^data:image\/(?:gif|png|svg\+xml)[;,]|(?:^|\/)(?:blank|spacer|pixel|placeholder|lazy|grey|gray|transparent)[\w-]*\.(?:gif|png|svg|jpe?g)(?:$|\?)/i;

function isPlaceholder(src: string | null): boolean {
  return !src || !src.trim() || PLACEHOLDER_SRC.test(src.trim());
}

function firstAttribute(element: Element, names: string[]): string | null {
  for (const name of names) {
    const value = element.getAttribute(name)?.trim();
    if (value) return value;
  }
  return null;
}

/** Markup inside `<noscript>`: elements in Node, raw text in a browser that ran scripts. */
function noscriptImage(noscript: Element, doc: Document): Element | null {
  const direct = noscript.querySelector('img');
  if (direct) return direct;
  const template = doc.createElement('template');
  // The page's own markup, parsed into an inert template of the private copy: nothing loads or runs.
  // eslint-disable-next-line no-restricted-properties
  template.innerHTML = noscript.textContent ?? '';
  return template.content.querySelector('img');
}

function swapNoscriptFallbacks(root: Element, doc: Document): number {
  let swapped = 0;
  for (const noscript of Array.from(root.getElementsByTagName('noscript'))) {
    const fallback = noscriptImage(noscript, doc);
    if (!fallback) continue;
    const previous = noscript.previousElementSibling;
    const placeholder = previous?.tagName === 'IMG' ? previous : previous?.querySelector('img') ?? null;
    const image = doc.importNode(fallback, true);
    if (placeholder && isPlaceholder(placeholder.getAttribute('src')) && !firstAttribute(placeholder, LAZY_SRC)) {
      placeholder.replaceWith(image);
      noscript.remove();
      swapped++;
    } else if (!placeholder) {
      noscript.replaceWith(image);
      swapped++;
    }
  }
  return swapped;
}

/** An address that names a picture file (a player's data-src is not one). */
const IMAGE_FILE = /\.(?:jpe?g|png|webp|avif|gif)(?:$|[?#])/i;

/**
 * A figure whose picture is a script's placeholder box (`<div data-src="….jpg" data-alt="…">`, filled in
 * on scroll) gets the `<img>` the script would have put there, so its caption keeps its picture.
 */
function fillPlaceholderFigures(root: Element, doc: Document): number {
  let filled = 0;
  for (const figure of Array.from(root.getElementsByTagName('figure'))) {
    if (figure.querySelector('img, picture, video, iframe, svg, canvas')) continue;
    const box = Array.from(figure.querySelectorAll(LAZY_SRC.map((name) => `[${name}]`).join(', '))).find((element) => IMAGE_FILE.test(firstAttribute(element, LAZY_SRC) ?? ''));
    const src = box ? firstAttribute(box, LAZY_SRC) : null;
    if (!box || !src) continue;
    const image = doc.createElement('img');
    image.setAttribute('src', src);
    image.setAttribute('alt', box.getAttribute('data-alt') ?? box.getAttribute('aria-label') ?? '');
    box.replaceWith(image);
    filled++;
  }
  return filled;
}

export const resolveLazyImages: ExtractRule = {
  name: 'resolve-lazy-images',
  phase: 'prepare',
  why: 'News sites ship images as placeholders with the real address in data-src/data-srcset (on the img or on a placeholder box in a figure), <picture> sources or a <noscript> copy.',
  apply({ root, doc }) {
    let resolved = swapNoscriptFallbacks(root, doc) + fillPlaceholderFigures(root, doc);
    for (const image of Array.from(root.querySelectorAll('img, source'))) {
      const lazySrc = firstAttribute(image, LAZY_SRC);
      const lazySrcset = firstAttribute(image, LAZY_SRCSET);
      if (lazySrc && (image.tagName === 'SOURCE' || isPlaceholder(image.getAttribute('src')) || lazySrc !== image.getAttribute('src'))) {
        image.setAttribute(image.tagName === 'SOURCE' ? 'srcset' : 'src', lazySrc);
        resolved++;
      }
      if (lazySrcset) {
        image.setAttribute('srcset', lazySrcset);
        resolved++;
      }
      if (image.tagName === 'IMG' && isPlaceholder(image.getAttribute('src'))) {
        // A <picture> whose <img> is a placeholder: take the first real source.
        const source = image.parentElement?.tagName === 'PICTURE' ? image.parentElement.querySelector('source[srcset]') : null;
        const best = srcsetEntries(source?.getAttribute('srcset') ?? '')[0]?.url;
        if (best) {
          image.setAttribute('src', best);
          resolved++;
        }
      }
      image.removeAttribute('loading');
    }
    return resolved;
  },
};
