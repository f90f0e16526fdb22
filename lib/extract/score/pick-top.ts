import { linkDensityOf, type Measured } from './measure';

/**
 * Step 3 of choose-body.ts: the best container. A container's final score is its points times the share
 * of its text that is not links (menus and teaser grids score high on points, low on prose). The best
 * one then moves up when the page split its story over several sibling blocks, or wrapped it.
 */
export interface Candidate {
  element: Element;
  score: number;
}

/** How many of the best containers are weighed together (debug output shows them too). */
export const TOP_CANDIDATES = 5;
/** Close runners-up (this share of the best score) that share an ancestor mean the story is that ancestor. */
const RUNNER_UP_SHARE = 0.75;
const MIN_RUNNERS_UP = 3;
/** A runner-up built from the best block's template (same tag and class) joins it from this share of its score. */
const SAME_TEMPLATE_SHARE = 0.25;

export function finalScores(scores: Map<Element, number>, measured: Measured): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [element, points] of scores) {
    const own = measured.stats.get(element);
    candidates.push({ element, score: points * (1 - (own ? linkDensityOf(own) : 0)) });
  }
  return candidates.sort((a, b) => b.score - a.score);
}

/** The ancestor of `best` holding at least MIN_RUNNERS_UP close runners-up, if any: a story in parts. */
function commonAncestor(best: Candidate, ranked: Candidate[], root: Element): Element | null {
  const close = ranked.slice(1, TOP_CANDIDATES).filter((c) => c.score >= RUNNER_UP_SHARE * best.score);
  if (close.length < MIN_RUNNERS_UP) return null;
  for (let parent = best.element.parentElement; parent && parent !== root; parent = parent.parentElement) {
    let held = 0;
    for (const candidate of close) if (parent.contains(candidate.element)) held++;
    if (held >= MIN_RUNNERS_UP) return parent;
  }
  return null;
}

/**
 * The nearest ancestor of `best` that also holds a runner-up made from the same template (same tag,
 * same class): a story the page cut into parts (ads or widgets between them) that are not siblings.
 */
function sameTemplateAncestor(best: Candidate, ranked: Candidate[], root: Element): Element | null {
  const className = best.element.getAttribute('class');
  if (!className) return null;
  const parts = ranked
    .slice(1, TOP_CANDIDATES)
    .filter((c) => c.score >= SAME_TEMPLATE_SHARE * best.score && c.element.localName === best.element.localName && c.element.getAttribute('class') === className)
    .filter((c) => !c.element.contains(best.element) && !best.element.contains(c.element));
  if (parts.length === 0) return null;
  for (let parent = best.element.parentElement; parent && parent !== root; parent = parent.parentElement) {
    if (parts.some((part) => parent.contains(part.element))) return parent;
  }
  return null;
}

/** Up to an ancestor that scores higher still (the scores fall off going up, unless that is the story). */
function higherAncestor(top: Element, byElement: Map<Element, number>, root: Element): Element {
  let last = byElement.get(top) ?? 0;
  const floor = last / 3;
  for (let parent = top.parentElement; parent && parent !== root; parent = parent.parentElement) {
    const score = byElement.get(parent);
    if (score === undefined) continue;
    if (score < floor) break;
    if (score > last) return parent;
    last = score;
  }
  return top;
}

/** Out of wrappers that hold nothing else: the story's siblings are then the wrapper's siblings. */
function outOfWrappers(top: Element, root: Element, measured: Measured): Element {
  let current = top;
  for (let parent = current.parentElement; parent && parent !== root; parent = parent.parentElement) {
    let kept = 0;
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) if (!measured.skipped.has(child)) kept++;
    if (kept !== 1) break;
    current = parent;
  }
  return current;
}

export function pickTop(ranked: Candidate[], root: Element, measured: Measured): Element {
  const best = ranked[0];
  if (!best) return root;
  const byElement = new Map(ranked.map((c) => [c.element, c.score]));
  const top = commonAncestor(best, ranked, root) ?? sameTemplateAncestor(best, ranked, root) ?? higherAncestor(best.element, byElement, root);
  return top === root ? root : outOfWrappers(top, root, measured);
}
