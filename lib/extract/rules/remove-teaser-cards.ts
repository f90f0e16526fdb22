import type { ExtractRule } from './types';
import { textLength, textLengthUpTo } from './dom-helpers';

/**
 * Teaser cards: a row of small sibling blocks, each pointing to another post of the site (a linked
 * picture or a linked heading) or showing a cut-off excerpt ("…"), that a template puts in or after
 * the story ("more posts", "popular", "you may also like" grids without a heading Folio knows).
 */

/** A card is a picture, a headline and a line or a short excerpt. */
const MAX_CARD_CHARS = 1000;
/** A row: at least this many cards side by side. */
const MIN_CARDS = 3;
/** Linked cards together stay a minority of the body: a listicle's items are its story. */
const MAX_CARDS_SHARE = 0.5;
/** Cut-off excerpts are never a story's items; what is left beside them must still be a story. */
const MIN_STORY_CHARS = 500;
/** An excerpt cut off by the template. */
const CUT_OFF = /(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$/;
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i;

function hostOf(host: string): string {
  return host.replace(/^www\./, '');
}

/** The link's target when it is another page of the same site (not this page, an anchor or an image file). */
function otherPostTarget(link: Element, page: URL | null): string | null {
  const href = link.getAttribute('href');
  if (!href || href.startsWith('#') || !page) return null;
  let target: URL;
  try {
    target = new URL(href, page);
  } catch {
    return null;
  }
  if (hostOf(target.hostname) !== hostOf(page.hostname) || IMAGE_FILE.test(target.pathname)) return null;
  if (target.pathname.replace(/\/$/, '') === page.pathname.replace(/\/$/, '')) return null;
  return `${target.pathname}${target.search}`;
}

/** What marks a card: a linked picture or headline to another post, or an excerpt cut off with "…". */
function cardMarks(root: Element, page: URL | null): Map<Element, string> {
  const marks = new Map<Element, string>();
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    if (link.closest('figure, blockquote, table')) continue;
    const headline = link.closest('h2, h3, h4, h5, h6') !== null;
    if (!headline && !link.querySelector('img, picture')) continue;
    const target = otherPostTarget(link, page);
    if (target) marks.set(link, target);
  }
  for (const paragraph of Array.from(root.getElementsByTagName('p'))) {
    const text = paragraph.textContent ?? '';
    if (CUT_OFF.test(text) && !paragraph.closest('figure, blockquote, table')) marks.set(paragraph, 'excerpt');
  }
  return marks;
}

/** Ancestors of marks (below the root) that hold two marks of different cards: two link targets, or two excerpts. */
function sharedAncestors(marks: Map<Element, string>, root: Element): Set<Element> {
  const linkTarget = new Map<Element, string>();
  const excerpt = new Set<Element>();
  const shared = new Set<Element>();
  for (const [mark, target] of marks) {
    const isExcerpt = mark.tagName === 'P';
    for (let parent = mark.parentElement; parent && parent !== root; parent = parent.parentElement) {
      if (shared.has(parent)) break;
      if (isExcerpt) {
        if (excerpt.has(parent)) shared.add(parent);
        else excerpt.add(parent);
        continue;
      }
      const seen = linkTarget.get(parent);
      if (seen === undefined) linkTarget.set(parent, target);
      else if (seen !== target) shared.add(parent);
    }
  }
  return shared;
}

/** The largest block around a mark that is still one small card (one target, few characters). */
function cardAround(mark: Element, root: Element, shared: Set<Element>): Element {
  let card = mark;
  for (let parent = card.parentElement; parent && parent !== root; parent = parent.parentElement) {
    if (shared.has(parent) || textLengthUpTo(parent, MAX_CARD_CHARS) > MAX_CARD_CHARS) break;
    card = parent;
  }
  return card;
}

export const removeTeaserCards: ExtractRule = {
  name: 'remove-teaser-cards',
  phase: 'clean',
  why: 'A row of three or more small sibling cards, each a linked picture or headline of another post of the site or a cut-off excerpt, is the template\'s "more posts" grid, not the story.',
  apply({ root, baseUrl, record }) {
    let page: URL | null = null;
    try {
      page = baseUrl ? new URL(baseUrl) : null;
    } catch {
      page = null;
    }
    const marks = cardMarks(root, page);
    if (marks.size < MIN_CARDS) return 0;
    const shared = sharedAncestors(marks, root);
    const rows = new Map<Element, Set<Element>>();
    const excerptCards = new Set<Element>();
    for (const mark of marks.keys()) {
      const card = cardAround(mark, root, shared);
      const parent = card.parentElement;
      if (!parent || card === mark) continue;
      // A cut-off excerpt is a card only with its picture, headline or link: a story's own paragraphs may trail off.
      if (mark.tagName === 'P' && !card.querySelector('img, picture, h2, h3, h4, h5, h6, a[href]')) continue;
      if (card.querySelector('figcaption, pre, table, math')) continue;
      if (mark.tagName === 'P') excerptCards.add(card);
      const row = rows.get(parent) ?? new Set<Element>();
      row.add(card);
      rows.set(parent, row);
    }
    const bodyChars = textLength(root);
    let removed = 0;
    for (const cards of rows.values()) {
      if (cards.size < MIN_CARDS) continue;
      // Cards of one row look alike: keep only those of the row's most common tag.
      const byTag = new Map<string, Element[]>();
      for (const card of cards) byTag.set(card.tagName, [...(byTag.get(card.tagName) ?? []), card]);
      const same = [...byTag.values()].reduce((a, b) => (b.length > a.length ? b : a));
      if (same.length < MIN_CARDS) continue;
      const chars = same.reduce((sum, card) => sum + textLength(card), 0);
      // Two cut-off excerpts make the row a teaser row whatever its size.
      const excerpts = same.filter((card) => excerptCards.has(card)).length >= 2;
      if (excerpts ? bodyChars - chars < MIN_STORY_CHARS : chars > MAX_CARDS_SHARE * bodyChars) continue;
      for (const card of same) {
        record?.(card, 'removed teaser card');
        card.remove();
        removed++;
      }
    }
    return removed;
  },
};
