import { linkDensityOf, type Measured } from './measure';

/**
 * Step 4 of choose-body.ts: the best container's siblings that belong to the story too (a lead paragraph
 * outside the main block, a second block of the same template). A sibling joins when it scores close to
 * the best, more easily when it shares its class; an unscored paragraph (or a `<div>` of text) joins when it is prose, not links.
 */

/** A sibling joins with at least this share of the best score (and never less than MIN_SIBLING_SCORE). */
const SIBLING_SHARE = 0.2;
const MIN_SIBLING_SCORE = 10;
const LONG_PARAGRAPH_CHARS = 80;
const MAX_LINK_DENSITY = 0.25;
const ENDS_SENTENCE = /\.( |$)/;

function joins(sibling: Element, top: Element, topScore: number, scores: Map<Element, number>, measured: Measured): boolean {
  const threshold = Math.max(MIN_SIBLING_SCORE, topScore * SIBLING_SHARE);
  const className = top.getAttribute('class') ?? '';
  const bonus = className !== '' && sibling.getAttribute('class') === className ? topScore * SIBLING_SHARE : 0;
  const score = scores.get(sibling);
  if (score !== undefined && score + bonus >= threshold) return true;
  const own = measured.stats.get(sibling);
  const isParagraph = sibling.localName === 'p' || (sibling.localName === 'div' && own !== undefined && !own.hasBlockChild);
  if (!isParagraph || !own) return false;
  const density = linkDensityOf(own);
  if (own.chars > LONG_PARAGRAPH_CHARS) return density < MAX_LINK_DENSITY;
  return own.chars > 0 && density === 0 && ENDS_SENTENCE.test((sibling.textContent ?? '').trim());
}

/** The story's blocks in page order: the best container and the siblings that join it. */
export function includeSiblings(top: Element, root: Element, scores: Map<Element, number>, measured: Measured): Element[] {
  const parent = top.parentElement;
  if (top === root || !parent) return [top];
  const topScore = scores.get(top) ?? 0;
  const blocks: Element[] = [];
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling === top || (!measured.skipped.has(sibling) && joins(sibling, top, topScore, scores, measured))) blocks.push(sibling);
  }
  return blocks;
}
