import { descendantsByTag } from './rules/dom-helpers';

/**
 * Pipeline step 5: the copy Readability scores, cut down to what can be story (after the prepare rules
 * and the detector, before Readability). Readability walks and scores every element it is given; every
 * element it is spared is time saved, and the blocks removed here compete with the story when left in.
 */

/**
 * Page regions that are never story: site navigation, page footers and templates. Removed right after
 * the copy is made, before the prepare rules and the detector walk it: every element a walk is spared is
 * time saved (in a browser, the first script access to a node costs the most). The detector never
 * counts a paragraph inside a `nav` or `footer` as prose, so its verdict can only gain from their going
 * (their headline links no longer count as teasers).
 */
const NEVER_STORY_REGIONS_SELECTOR = 'nav, footer, template';
/**
 * Never story either, but read until the detector has run: asides (Readability drops them from the body
 * it returns anyway, but their paragraphs first add to their container's score; the detector counts their
 * prose), scripts and styles (the detector counts a block's text as a browser's `textContent` does, script
 * text included; the page's JSON-LD stays: Readability reads it when it chooses) and form controls (the cookie rule knows
 * a notice by its buttons).
 */
const NEVER_STORY_AFTER_DETECTION = new Set(['aside', 'script', 'style', 'input', 'select', 'textarea', 'button']);

/** The page's JSON-LD is the one script that stays. */
function isNotJsonLd(element: Element): boolean {
  return element.localName !== 'script' || element.getAttribute('type') !== 'application/ld+json';
}

/**
 * The page's own mark of its story: one `<article>` or `itemprop="articleBody"` element that is not inside
 * another one. Only used when it holds nearly all of the page's paragraph text, so a page that marks
 * each teaser as an `<article>` or splits its story never loses a part of it.
 */
const STORY_REGION = '[itemprop="articleBody"], article';
const MIN_STORY_SHARE = 0.8;

function paragraphChars(root: Element): number {
  let total = 0;
  for (const paragraph of Array.from(root.getElementsByTagName('p'))) total += (paragraph.textContent ?? '').length;
  return total;
}

/**
 * Removes the page regions that are never story; returns how many went (outermost and nested). Found by
 * the browser's own selector engine: the elements inside them are then never touched by script at all.
 */
export function removeNeverStoryRegions(copy: Document): number {
  const regions = Array.from(copy.querySelectorAll(NEVER_STORY_REGIONS_SELECTOR));
  for (const region of regions) region.remove();
  return regions.length;
}

/**
 * Removes the asides, scripts, styles and form controls left for the detector; returns how many elements
 * went (nested ones included). Found by tag name in one walk (descendantsByTag).
 */
export function removeNeverStory(copy: Document): number {
  const root = copy.documentElement;
  if (!root) return 0;
  const noise = descendantsByTag(root, NEVER_STORY_AFTER_DETECTION).filter(isNotJsonLd);
  for (const element of noise) element.remove();
  return noise.length;
}

/**
 * When the page marks one region as its story and that region holds at least MIN_STORY_SHARE of the
 * page's paragraph text, the copy's body becomes that region alone. Returns the region, or null.
 */
export function narrowToStoryRegion(copy: Document): Element | null {
  const body = copy.body;
  if (!body) return null;
  const regions = Array.from(body.querySelectorAll(STORY_REGION));
  const outermost = regions.filter((region) => !regions.some((other) => other !== region && other.contains(region)));
  const region = outermost.length === 1 ? outermost[0] : undefined;
  if (!region) return null;
  const pageChars = paragraphChars(body);
  if (pageChars === 0 || paragraphChars(region) < MIN_STORY_SHARE * pageChars) return null;
  body.replaceChildren(region);
  return region;
}
