/**
 * Cheap article detection for every page load (runs in the always-injected content script: keep it
 * small and fast, no imports). It reads signals only; extraction runs later, on click.
 */
export interface DetectionSignals {
  /** Prose score in the spirit of Readability's isProbablyReaderable: long visible paragraphs. */
  prose: number;
  /** The page's JSON-LD names an article type. */
  articleJsonLd: boolean;
  /** OpenGraph says og:type=article. */
  ogArticle: boolean;
  /** Headline links and <article> cards: a listing (home page, section front, search results). */
  teasers: number;
  /** How many <article> elements the page has: one is the page marking its main composition, many are cards. */
  articleElements: number;
  /** The page is its site's root path. */
  siteRoot: boolean;
  /** The address is a dated permalink: a year and month (and day), then a slug of words (`/2020/12/18/these-weeks-in-firefox/`). */
  datedPermalink: boolean;
  /** Markup naming a non-article page: Product, app, list, collection, search or profile JSON-LD, or og:type product. */
  nonArticleMarkup: boolean;
}

export interface Detection {
  isArticle: boolean;
  score: number;
  signals: DetectionSignals;
}

const ARTICLE_TYPE_IN_JSON = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:\w*Article|BlogPosting|Report|LiveBlogPosting)"/;
const NON_ARTICLE_TYPE_IN_JSON = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:Product|SoftwareApplication|MobileApplication|ItemList|CollectionPage|SearchResultsPage|ProfilePage)"/;
const MIN_PARAGRAPH = 140;
const MAX_PARAGRAPHS = 600;
const MAX_BREAKS = 600;
const MAX_DIVS = 3000;

function isVisible(element: HTMLElement): boolean {
  return !element.hidden && element.style?.display !== 'none' && element.getAttribute('aria-hidden') !== 'true';
}

/** The text a block holds directly (text nodes, not child elements). */
function ownText(element: Element): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += (node.textContent ?? '').trim();
  }
  return text;
}

/** Han, kana and Hangul: scripts that say in one character what Latin text says in about three. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
const HAS_CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const CJK_CHARACTER_WEIGHT = 3;

/**
 * A paragraph's length in Latin-text characters: MIN_PARAGRAPH was tuned on Latin text, where a dense
 * Japanese or Chinese paragraph of 60 characters would otherwise never count as prose.
 */
export function proseLength(text: string): number {
  // Most pages have no CJK text: one non-allocating test before counting.
  if (!HAS_CJK.test(text)) return text.length;
  const cjk = text.match(CJK)?.length ?? 0;
  return text.length + cjk * (CJK_CHARACTER_WEIGHT - 1);
}

function addProse(groups: Map<Element, number>, block: HTMLElement, length: number): void {
  if (length < MIN_PARAGRAPH || !isVisible(block)) return;
  // Teaser blurbs sit inside links or list items of a listing; story paragraphs do not.
  if (block.closest('a, li, nav, footer')) return;
  const parent = block.parentElement ?? block;
  groups.set(parent, (groups.get(parent) ?? 0) + Math.sqrt(length - MIN_PARAGRAPH));
}

/** What the detector reads from the page, gathered in one walk over its elements (in document order). */
interface PageElements {
  /** The first MAX_PARAGRAPHS `<p>` and `<pre>`. */
  paragraphs: HTMLElement[];
  /** The first MAX_BREAKS `<br>`. */
  breaks: HTMLElement[];
  /** The first MAX_DIVS `<div>`. */
  divs: HTMLElement[];
  articles: number;
  /** Headline links: `h2 > a, h3 > a, h4 > a, a > h2, a > h3, a > h4`. */
  headlineLinks: Element[];
  /** The text of every `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** The first `<meta property="og:type">`. */
  ogType: Element | null;
}

const HEADLINES = new Set(['h2', 'h3', 'h4']);

/**
 * The site's menu: `<nav>`, a navigation landmark, or a block whose class names it a nav or menu
 * ("nav-hcat", "site-nav", "main-menu"; not "canvas"). Matched by the browser's own `closest()`: a walk
 * up by parent links could be sent in circles by a hostile form's named controls (see below).
 */
const NAVIGATION = 'nav, [role="navigation"], [class^="nav"], [class*=" nav"], [class*="-nav"], [class*="_nav"], [class*="menu" i]';

/**
 * True for a headline link in the site's menu: every page of a news site carries the same menu of
 * section headlines, story or not, so those links say nothing about this page being a listing.
 */
function inNavigation(element: Element): boolean {
  return element.closest(NAVIGATION) !== null;
}

/**
 * One pass over the page's elements instead of a selector query per signal (seven document-wide
 * queries, each matching every element against its selector list). The pass is the browser's own
 * `querySelectorAll('*')`, read by index: this runs on live pages, where a hostile
 * `<form><input name="nextElementSibling">` would send a walk by sibling and parent links in circles
 * (a form's named controls shadow its properties); a shadowed `localName` only makes a form match nothing.
 */
function collectElements(doc: Document): PageElements {
  const found: PageElements = { paragraphs: [], breaks: [], divs: [], articles: 0, headlineLinks: [], jsonLd: [], ogType: null };
  const elements = doc.querySelectorAll('*');
  for (let i = 0; i < elements.length; i++) {
    const node = elements[i] as Element;
    const name = node.localName;
    if (name === 'p' || name === 'pre') {
      if (found.paragraphs.length < MAX_PARAGRAPHS) found.paragraphs.push(node as HTMLElement);
    } else if (name === 'br') {
      if (found.breaks.length < MAX_BREAKS) found.breaks.push(node as HTMLElement);
    } else if (name === 'div') {
      if (found.divs.length < MAX_DIVS) found.divs.push(node as HTMLElement);
    } else if (name === 'article') {
      found.articles++;
    } else if (name === 'script') {
      if (node.getAttribute('type') === 'application/ld+json') found.jsonLd.push(node.textContent ?? '');
    } else if (name === 'meta') {
      if (!found.ogType && node.getAttribute('property') === 'og:type') found.ogType = node;
    }
    if (name === 'a' || HEADLINES.has(name)) {
      const parentName = node.parentElement?.localName;
      const isHeadlineLink = (name === 'a' && parentName !== undefined && HEADLINES.has(parentName)) || (name !== 'a' && parentName === 'a');
      if (isHeadlineLink) found.headlineLinks.push(node);
    }
  }
  return found;
}

/** Visible <p> and <pre> paragraphs. */
function addParagraphs(groups: Map<Element, number>, paragraphs: readonly HTMLElement[]): void {
  for (const paragraph of paragraphs) addProse(groups, paragraph, proseLength((paragraph.textContent ?? '').trim()));
}

/** Story text set as lines in one block, split by <br>: the block's own text counts as prose. */
function addBrokenLines(groups: Map<Element, number>, breaks: readonly HTMLElement[]): void {
  let previous: Element | null = null;
  for (const lineBreak of breaks) {
    const block = lineBreak.parentElement;
    if (!block || block === previous || block.tagName === 'P') continue;
    previous = block;
    addProse(groups, block as HTMLElement, proseLength(ownText(block)));
  }
}

/** Elements that sit inside a line of text: a <div> holding only these (and text) is a paragraph. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

/** A <div> used as a paragraph: text with at most inline elements in it (links, emphasis), as Readability reads it. */
function isTextDiv(div: Element): boolean {
  for (let child = div.firstElementChild; child; child = child.nextElementSibling) {
    if (!INLINE.has(child.localName)) return false;
  }
  return true;
}

/** Story paragraphs set as <div>s of text (the costliest walk: a page has many more divs than paragraphs). */
function addTextDivs(groups: Map<Element, number>, divs: readonly HTMLElement[]): void {
  for (const div of divs) {
    if (isTextDiv(div)) addProse(groups, div, proseLength((div.textContent ?? '').trim()));
  }
}

/** The best container's prose: a story is one run of paragraphs, while a listing's blurbs each sit in their own card. */
function bestGroup(groups: Map<Element, number>): number {
  let best = 0;
  for (const score of groups.values()) if (score > best) best = score;
  return best;
}

function jsonLdMatches(jsonLd: readonly string[], type: RegExp): boolean {
  return jsonLd.some((text) => type.test(text));
}

/** The page's address parsed once for the signals read from it; null when it is not a URL. */
function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isSiteRoot(address: URL | null): boolean {
  return address !== null && /^\/(?:index\.\w+)?$/.test(address.pathname) && !address.search;
}

/** Year, month, optional day, then a slug of at least two hyphenated words (a date archive has no slug). */
const DATED_PERMALINK = /\/(?:19|20)\d\d\/(?:0?[1-9]|1[0-2])\/(?:(?:0?[1-9]|[12]\d|3[01])\/)?[^/]*\p{L}[^/]*-[^/]*\p{L}/u;

function isDatedPermalink(address: URL | null): boolean {
  return address !== null && DATED_PERMALINK.test(address.pathname);
}

export function readSignals(doc: Document, url: string): DetectionSignals {
  const page = collectElements(doc);
  const address = parseUrl(url);
  const ogType = page.ogType?.getAttribute('content')?.toLowerCase() ?? '';
  const articleElements = page.articles;
  const groups = new Map<Element, number>();
  addParagraphs(groups, page.paragraphs);
  addBrokenLines(groups, page.breaks);
  const signals: DetectionSignals = {
    prose: bestGroup(groups),
    articleJsonLd: jsonLdMatches(page.jsonLd, ARTICLE_TYPE_IN_JSON),
    ogArticle: ogType === 'article' || ogType.startsWith('article'),
    teasers: page.headlineLinks.length + articleElements,
    articleElements,
    siteRoot: isSiteRoot(address),
    datedPermalink: isDatedPermalink(address),
    nonArticleMarkup: ogType === 'product' || ogType.startsWith('product.') || jsonLdMatches(page.jsonLd, NON_ARTICLE_TYPE_IN_JSON),
  };
  // Text-only <div>s can only add prose, so they are walked only when the page is not yet an article without them.
  if (scoreSignals(signals) < ARTICLE_THRESHOLD) {
    addTextDivs(groups, page.divs);
    signals.prose = bestGroup(groups);
  }
  // Likewise, menu links only lower the teaser count: looked for only when the teasers keep the page below the line.
  if (signals.teasers > 6 && scoreSignals(signals) < ARTICLE_THRESHOLD) {
    signals.teasers = page.headlineLinks.filter((link) => !inNavigation(link)).length + articleElements;
  }
  return signals;
}

/** Weighs the signals: prose decides, structured data vouches, many teasers, a site root and product/list markup argue against. */
export function scoreSignals(signals: DetectionSignals): number {
  let score = signals.prose;
  if (signals.articleJsonLd) score += 12;
  if (signals.ogArticle) score += 8;
  // Blogs and news sites give each post its date and title in its address: the address names one story.
  if (signals.datedPermalink) score += 8;
  // Related-story links below a long story are many; half a point each, capped, leaves the story in charge.
  if (signals.teasers > 6) score -= Math.min(10, (signals.teasers - 6) * 0.5);
  // A site's root is its front page unless its own markup says it is an article.
  if (signals.siteRoot && !signals.articleJsonLd) score -= 25;
  if (signals.nonArticleMarkup) score -= 25;
  return score;
}

export const ARTICLE_THRESHOLD = 20;

/** `url` defaults to the document's own; a private copy of a page passes the page's. */
export function detectArticle(doc: Document, url: string = doc.URL): Detection {
  const signals = readSignals(doc, url);
  const score = scoreSignals(signals);
  return { isArticle: score >= ARTICLE_THRESHOLD && (signals.prose > 0 || signals.articleJsonLd), score, signals };
}
