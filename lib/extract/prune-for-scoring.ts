import { descendantsByTag } from './rules/dom-helpers';

/**
 * Pipeline step 5: the copy Readability scores, cut down to what can be story (after the prepare rules
 * and the detector, before Readability). Readability walks and scores every element it is given; every
 * element it is spared is time saved, and the blocks removed here compete with the story when left in.
 */

/**
 * Never story: scripts and styles (the page's JSON-LD stays, Readability reads it), site navigation,
 * asides and page footers (Readability drops `aside` and `footer` from the body it returns anyway, but
 * their paragraphs first add to their container's score) and form controls.
 */
const NEVER_STORY = new Set(['script', 'style', 'template', 'nav', 'aside', 'footer', 'input', 'select', 'textarea', 'button']);

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
 * Removes what is never story from the copy; returns how many elements went (nested ones included).
 * Found by tag name in one walk (descendantsByTag), which cost a fraction of matching every element
 * against the selector list.
 */
export function removeNeverStory(copy: Document): number {
  const root = copy.documentElement;
  if (!root) return 0;
  const noise = descendantsByTag(root, NEVER_STORY).filter(isNotJsonLd);
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
