import { classWeight } from './class-hints';
import type { Measured } from './measure';

/**
 * Step 2 of choose-body.ts: every paragraph's points go to the containers above it, most to its parent,
 * less the further up (a story's container collects the points of all its paragraphs; a page wrapper far
 * above collects little). Paragraphs are read from the measuring pass's figures: nothing is walked again.
 */

/**
 * Always scored as paragraphs, whatever is inside them. A `<section>` or a table cell scores with all its
 * text: a story split into sections (between figures, say) then lifts the container of all of them.
 */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'td']);
/** Paragraphs when they hold no block (a `<div>` of text is a paragraph on many pages). */
const PARAGRAPH_WHEN_INLINE = new Set(['div', 'article']);
/** A container's starting score by tag: divs usually hold stories, lists and headings rarely. */
const TAG_SCORE: Record<string, number> = {
  div: 5, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};
/** Shorter than this, a paragraph is a caption or a label and scores nothing. */
const MIN_PARAGRAPH_CHARS = 25;
/** Points for length: one per 100 characters, up to three. */
const CHARS_PER_POINT = 100;
const MAX_LENGTH_POINTS = 3;
/** How many containers above a paragraph share its points. */
const ANCESTOR_LEVELS = 5;

function paragraphPoints(chars: number, commas: number): number {
  return 2 + commas + Math.min(Math.floor(chars / CHARS_PER_POINT), MAX_LENGTH_POINTS);
}

/** The share of a paragraph's points the container `level` steps above it gets. */
function levelShare(level: number): number {
  return level === 0 ? 1 : level === 1 ? 1 / 2 : 1 / (level * 3);
}

/** Container scores before link density: the raw points of the paragraphs below each one. */
export function scoreContainers(root: Element, measured: Measured): Map<Element, number> {
  const scores = new Map<Element, number>();
  const award = (from: Element | null, points: number) => {
    let container = from;
    for (let level = 0; container && level < ANCESTOR_LEVELS; level++) {
      let score = scores.get(container);
      if (score === undefined) score = (TAG_SCORE[container.localName] ?? 0) + classWeight(container);
      scores.set(container, score + points * levelShare(level));
      if (container === root) break;
      container = container.parentElement;
    }
  };
  for (const element of measured.order) {
    const own = measured.stats.get(element);
    if (!own) continue;
    const tag = own.tag;
    const isParagraph = PARAGRAPH_TAGS.has(tag) || (PARAGRAPH_WHEN_INLINE.has(tag) && !own.hasBlockChild);
    if (isParagraph) {
      if (own.chars >= MIN_PARAGRAPH_CHARS && element !== root) award(element.parentElement, paragraphPoints(own.chars, own.commas));
    } else if (PARAGRAPH_WHEN_INLINE.has(tag) && own.looseChars >= MIN_PARAGRAPH_CHARS) {
      // Text between the blocks of a container (lines split by <br>): a paragraph whose parent is the container.
      award(element, paragraphPoints(own.looseChars, own.looseCommas));
    }
  }
  return scores;
}
