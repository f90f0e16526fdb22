import type { ExtractRule } from './types';
import { linkDensity } from './dom-helpers';

/**
 * Hover previews: pages that link a person or a company in a sentence often put, right beside the link,
 * a hidden card shown on hover (a photo, the name again, the latest headlines about them). With the
 * page's CSS gone it reads as a run of headlines glued into the sentence.
 */

/** A preview is nearly all links: the name again and headlines. */
const MIN_LINK_SHARE = 0.8;
const MIN_LINKS = 2;

/** True when `outer` links, outside `card`, to an address the card links to: the card previews that link. */
function repeatsALinkBeside(card: Element, outer: Element): boolean {
  const inside = new Set(Array.from(card.querySelectorAll('a[href]')).map((link) => link.getAttribute('href')));
  for (const link of Array.from(outer.querySelectorAll('a[href]'))) {
    if (!card.contains(link) && inside.has(link.getAttribute('href'))) return true;
  }
  return false;
}

/**
 * The preview around `img`: the largest element inside the paragraph whose parent also holds the link
 * it previews (the name in the sentence); null when the picture previews nothing beside it.
 */
function previewAround(img: Element, paragraph: Element): Element | null {
  for (let card = img.parentElement; card && card !== paragraph; card = card.parentElement) {
    const parent = card.parentElement;
    if (card.tagName === 'A' || !parent) continue;
    if (repeatsALinkBeside(card, parent)) return card;
  }
  return null;
}

export const removeLinkPreviews: ExtractRule = {
  name: 'remove-link-previews',
  phase: 'clean',
  why: 'A hover card inside a sentence (a picture plus links, one of them to the name the sentence links) is the page\'s preview of that link, not text: shown as text it glues headlines into the sentence.',
  apply({ root, record }) {
    let removed = 0;
    for (const img of Array.from(root.getElementsByTagName('img'))) {
      const paragraph = img.closest('p, li');
      if (!paragraph || !root.contains(img)) continue;
      const card = previewAround(img, paragraph);
      if (!card || card.closest('figure')) continue;
      if (card.querySelectorAll('a[href]').length < MIN_LINKS || linkDensity(card) < MIN_LINK_SHARE) continue;
      record?.(card, 'removed link preview');
      card.remove();
      removed++;
    }
    return removed;
  },
};
