import type { ExtractRule } from './types';
import { CAPTION, holdsKeptContent, lineText } from './dom-helpers';

/**
 * A caption that says again what an earlier caption said: a gallery that puts the same line under every
 * picture, or a slideshow that prints each caption twice (in full and cut short, "In this photo, a long
 * row of…"). The first full copy stays with its picture; the repeats say nothing new.
 */

/** Short captions ("Amazon", "Getty") may repeat as labels of different pictures; only a described scene counts. */
const MIN_WORDS = 4;

/** The caption's words, without the ellipsis or "more" a shortened copy ends with. */
function captionKey(caption: Element): string {
  return lineText(caption)
    .replace(/\s*(?:…|\.\.\.)\s*(?:(?:read |see |show )?more)?$/iu, '')
    .trim()
    .toLowerCase();
}

/**
 * The innermost caption elements of the body, with those pictures point to by aria-describedby. A block
 * holding a picture is the picture's frame ("wp-caption"), not its caption: it is never one.
 */
function captionsOf(root: Element): Element[] {
  const described = new Set<string>();
  for (const image of Array.from(root.querySelectorAll('img[aria-describedby]'))) {
    for (const id of (image.getAttribute('aria-describedby') ?? '').split(/\s+/)) if (id) described.add(id);
  }
  // One query, in document order: caption markup, and the elements pictures point to by id.
  const byId = Array.from(described, (id) => `, [id="${id.replace(/["\\]/g, '\\$&')}"]`).join('');
  const captions = Array.from(root.querySelectorAll(CAPTION + byId)).filter((element) => !holdsKeptContent(element));
  // In document order a caption's descendants come right after it: one holding another caption holds the next one.
  return captions.filter((caption, i) => {
    const next = captions[i + 1];
    return !next || !caption.contains(next);
  });
}

export const removeRepeatedCaptions: ExtractRule = {
  name: 'remove-repeated-captions',
  phase: 'clean',
  why: 'A caption that repeats an earlier one word for word, or a shortened copy of one ("…"), as galleries and slideshows print them, says nothing new.',
  apply({ root, record }) {
    const kept: { key: string; element: Element }[] = [];
    let removed = 0;
    const drop = (element: Element) => {
      record?.(element, 'removed repeated caption');
      element.remove();
      removed++;
    };
    for (const caption of captionsOf(root)) {
      const key = captionKey(caption);
      if (key.split(/\s+/).length < MIN_WORDS) continue;
      if (kept.some((earlier) => earlier.key.startsWith(key))) {
        drop(caption);
        continue;
      }
      // An earlier shortened copy of this caption goes; this full one stays.
      const shortened = kept.findIndex((earlier) => key.startsWith(earlier.key));
      if (shortened >= 0) {
        drop(kept[shortened]!.element);
        kept.splice(shortened, 1);
      }
      kept.push({ key, element: caption });
    }
    return removed;
  },
};
