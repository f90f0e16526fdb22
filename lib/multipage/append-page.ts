import { isPagerBlock } from '../extract/next-page';
import { blockText, measureText, readingMinutes, wordCount } from '../extract/text';
import type { Article } from '../extract/types';
import { sanitizeArticleHtml, type SafeHtml } from '../sanitize';
import { inertBody } from '../dom/parse-inert';

/**
 * A multi-page story shown as one: the next page's body added after the pages already shown, behind
 * a visible "Page N" heading. What each page repeats is left out: the headline, byline, site name and
 * standfirst again at its top, a paragraph the earlier pages already have, and the page's own pager
 * (Folio's "Continue" control takes its place). DOM only (a window's DOMParser), so it runs in the
 * page and in Node tests alike; the added part passes the one sanitizer.
 */

/** Where the sanitizer's id prefix (lib/sanitize) starts; the added part's ids are renamed under it. */
const ID_PREFIX = 'user-content-';
/** A block this long is part of the story: a copy of it on a later page is a repeat, not new text. */
const REPEAT_MIN_CHARS = 40;
/** Header lines come before the page's first real paragraph, among its first few blocks. */
const STORY_PARAGRAPH_CHARS = 120;
const MAX_LEADING_BLOCKS = 20;
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, blockquote, figcaption, li, div, nav, ul, ol';

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/^by\s+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Text of every block of the pages already shown, to recognise what a later page repeats. */
function shownBlocks(shown: Article, win: Window): Set<string> {
  const blocks = Array.from(inertBody(shown.content, win).querySelectorAll('p, h2, h3, h4, blockquote, figcaption, li'));
  return new Set(blocks.map((block) => normalise(block.textContent)).filter((text) => text.length >= REPEAT_MIN_CHARS));
}

/** Drops what the page repeats (header lines at its top, blocks already shown) and its pager; returns how many. */
function dropRepeats(body: HTMLElement, shown: Article, page: Article, win: Window): number {
  const headerLines = new Set([shown.title, shown.byline, shown.siteName, shown.excerpt, page.title, page.byline, page.siteName].map(normalise).filter(Boolean));
  const seen = shownBlocks(shown, win);
  let dropped = 0;
  let leading = true;
  let counted = 0;
  for (const block of Array.from(body.querySelectorAll(BLOCKS))) {
    if (!block.isConnected || !body.contains(block)) continue;
    const text = normalise(block.textContent);
    if (block.localName === 'p' && text.length >= STORY_PARAGRAPH_CHARS) leading = false;
    if (leading && ++counted > MAX_LEADING_BLOCKS) leading = false;
    const repeatsHeader = leading && headerLines.has(text) && !block.querySelector('img, picture, figure');
    const repeatsStory = text.length >= REPEAT_MIN_CHARS && seen.has(text) && !block.querySelector('p, li');
    if (repeatsHeader || repeatsStory || isPagerBlock(block)) {
      block.remove();
      dropped++;
    }
  }
  return dropped;
}

/**
 * Each page's ids (footnotes, headings) get the page's number, so two pages' `fn1` stay apart. The
 * sanitizer prefixed them once already and prefixes them again when the part passes it: the prefix
 * comes off here, and in-page links follow their targets.
 */
function renameIds(body: HTMLElement, pageNumber: number): void {
  const rename = (id: string) => `${id.startsWith(ID_PREFIX) ? id.slice(ID_PREFIX.length) : id}-p${pageNumber}`;
  for (const element of Array.from(body.querySelectorAll('[id]'))) element.setAttribute('id', rename(element.getAttribute('id') ?? ''));
  for (const element of Array.from(body.querySelectorAll('[name]'))) element.setAttribute('name', rename(element.getAttribute('name') ?? ''));
  for (const link of Array.from(body.querySelectorAll('a[href^="#"]'))) {
    const target = (link.getAttribute('href') ?? '').slice(1);
    if (target) link.setAttribute('href', `#${rename(target)}`);
  }
}

function serialize(element: Element): string {
  // Reading markup out of an inert parsed copy, to hand it to the sanitizer.
  // eslint-disable-next-line no-restricted-properties
  return element.innerHTML;
}

/** The heading that marks where a page starts. */
export function pageHeading(pageNumber: number): string {
  return `Page ${pageNumber}`;
}

/**
 * `shown` with page `pageNumber`'s body added at its end. `shown.content` is kept as it is (it was
 * sanitized already; re-sanitizing would prefix its ids twice); only the added part is sanitized.
 */
export function appendPage(shown: Article, page: Article, pageNumber: number, win: Window): Article {
  const body = inertBody(page.content, win);
  dropRepeats(body, shown, page, win);
  renameIds(body, pageNumber);
  const heading = pageHeading(pageNumber);
  const added = sanitizeArticleHtml(`<hr><h2>${heading}</h2>${serialize(body)}`, win);
  const textContent = `${shown.textContent}\n${heading}\n${blockText(body)}`.trim();
  const size = measureText(textContent);
  return {
    ...shown,
    content: (shown.content + added) as SafeHtml,
    textContent,
    wordCount: wordCount(size),
    readingMinutes: readingMinutes(size),
  };
}
