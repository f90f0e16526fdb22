import type { ExtractRule } from './types';
import { absoluteUrl } from '../url';
import { lineText, linkDensity, textAfter, textLength, textLengthUpTo } from './dom-helpers';

/**
 * The list of the site's other stories that closes many article templates, often without a heading
 * ("15 Amazing Images of Stars", "More Great WIRED Stories: …"). It is told from a story's own list by
 * where it is and what it points to: after the last paragraph, every item a link into the same site.
 * A list of sources or further reading points elsewhere and stays; so does a list that is the story.
 */

/** Text after the list that still counts as the body's end (an editor's note, "Originally published on …"). */
const MAX_TEXT_AFTER = 200;
/** Link share of the list's text: headlines, with a few words around them at most. */
const MIN_LINK_DENSITY = 0.4;
/** The list is a footer to the story, never most of it. */
const MAX_SHARE_OF_BODY = 0.25;
/** A label above the list ("More Great WIRED Stories", "Holiday Gift Guides"): short, not a sentence. */
const MAX_LABEL_CHARS = 60;

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function pointsIntoSite(item: Element, host: string, baseUrl: string): boolean {
  return Array.from(item.getElementsByTagName('a')).some((link) => hostOf(absoluteUrl(link.getAttribute('href'), baseUrl)) === host);
}

function isLabel(element: Element | null): element is Element {
  if (!element || element.querySelector('img, figure') || textLengthUpTo(element, MAX_LABEL_CHARS) > MAX_LABEL_CHARS) return false;
  const text = lineText(element);
  return text.length > 0 && !/[.!?:;,]$/.test(text) && (/^H[2-6]$/.test(element.tagName) || element.tagName === 'P');
}

export const removeTrailingLinkLists: ExtractRule = {
  name: 'remove-trailing-link-lists',
  phase: 'clean',
  why: 'A list after the story\'s last paragraph whose every item links to another page of the same site is the template\'s "more stories" footer, heading or not.',
  apply({ root, baseUrl, record }) {
    const host = hostOf(baseUrl);
    if (!host || !baseUrl) return 0;
    const bodyLength = textLength(root);
    let removed = 0;
    for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
      if (!root.contains(list) || list.parentElement?.closest('ul, ol')) continue;
      const items = Array.from(list.children).filter((item) => item.tagName === 'LI');
      if (items.length < 2 || !items.every((item) => pointsIntoSite(item, host, baseUrl))) continue;
      if (linkDensity(list) < MIN_LINK_DENSITY || textLength(list) > bodyLength * MAX_SHARE_OF_BODY) continue;
      if (textAfter(list, root, MAX_TEXT_AFTER) > MAX_TEXT_AFTER) continue;
      const label = list.previousElementSibling;
      if (isLabel(label)) {
        record?.(label, 'removed label of a trailing link list');
        label.remove();
        removed++;
      }
      record?.(list, 'removed trailing list of links into the site');
      list.remove();
      removed++;
    }
    return removed;
  },
};
