/**
 * Pipeline step 5: the copy cut down to what can be story (after the reveal rules and the detector,
 * before the prepare rules and the chooser). They walk every element they are given; every element
 * they are spared is time saved, and the blocks removed here compete with the story when left in.
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
 * text included; the page's JSON-LD stays: Readability reads it when it chooses).
 */
const NEVER_STORY_AFTER_DETECTION = new Set(['aside', 'script', 'style']);
/**
 * Form controls go last, after the prepare rules: the cookie rule (before the detector) knows a notice by
 * its buttons, and the sign-up rule a prompt by its button's words ("Sign up" on a newsletter box).
 */
const FORM_CONTROLS = new Set(['input', 'select', 'textarea', 'button']);

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

/** Removes the copy's elements with one of `tags` that `goes` takes (nested ones too); returns how many went. */
function removeByTag(copy: Document, tags: ReadonlySet<string>, goes: (element: Element) => boolean = () => true): number {
  const root = copy.documentElement;
  if (!root) return 0;
  // Found by the selector engine, all before any goes.
  const found = Array.from(root.querySelectorAll([...tags].join(', '))).filter(goes);
  for (const element of found) element.remove();
  return found.length;
}

/** Removes the asides, scripts and styles left for the detector; returns how many elements went. */
export function removeNeverStory(copy: Document): number {
  return removeByTag(copy, NEVER_STORY_AFTER_DETECTION, isNotJsonLd);
}

/** Removes the form controls left for the prepare rules; returns how many went. */
export function removeFormControls(copy: Document): number {
  return removeByTag(copy, FORM_CONTROLS);
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
