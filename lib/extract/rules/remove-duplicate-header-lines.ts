import type { ExtractRule } from './types';
import type { PageMetadata } from '../metadata';
import { textLength } from './dom-helpers';

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/^by\s+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Separators between a headline and the site's name in a document title ("Story - Site", "Site | Story"). */
const TITLE_SEPARATOR = /\s+[-–—|:·•»]\s+/;

/** What the overlay's header already shows: the headline (with and without the site's name), byline, site and the page's address. */
function headerLines(metadata: PageMetadata, baseUrl: string | null): Set<string> {
  const lines = [metadata.title, metadata.byline, metadata.siteName, metadata.canonicalUrl, baseUrl];
  const parts = (metadata.title ?? '').split(TITLE_SEPARATOR);
  if (parts.length > 1) {
    const site = normalise(metadata.siteName);
    const withoutSite = parts.filter((part) => normalise(part) !== site);
    // The longest part is the headline when the site's name is not given.
    lines.push(withoutSite.length < parts.length ? withoutSite.join(' - ') : parts.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  return new Set(lines.map(normalise).filter((line) => line.length > 0));
}

/** A title part at least this share of the whole title is its headline (a shorter one is the site's name or section). */
const MIN_TITLE_PART_SHARE = 0.5;
/** Where a title part ends or starts: any separator, spaced or not ("Story_Section_Site", "Site: Story"). */
const PART_AFTER = /^\s*[-–—|:·•»_]/;
const PART_BEFORE = /[-–—|:·•»_]\s*$/;

/**
 * Whether a line is the title's beginning or end cut at a separator, and most of it: the headline with the
 * site's name or tagline left off, however the site joins them (TITLE_SEPARATOR splits only spaced ones).
 */
function isTitlePart(line: string, title: string): boolean {
  if (line.length === title.length || line.length < MIN_TITLE_PART_SHARE * title.length) return false;
  if (title.startsWith(line)) return PART_AFTER.test(title.slice(line.length));
  return title.endsWith(line) && PART_BEFORE.test(title.slice(0, title.length - line.length));
}

/** Share of a heading's word characters found among the title's words above which it is the headline reworded. */
const REWORDED_SHARE = 0.75;
/** A headline has this many words at least: a shorter heading sharing the title's words names a section. */
const MIN_HEADLINE_WORDS = 4;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Whether a leading `<h1>`/`<h2>` is the headline in other words (the page's display headline beside its
 * search title: "HS Roundup: …" for "High School Roundup: …"): nearly all of its words are the title's.
 */
function rewordsTitle(element: Element, line: string, titleWords: ReadonlySet<string>): boolean {
  if (element.tagName !== 'H1' && element.tagName !== 'H2') return false;
  const words = new Set(line.match(WORD) ?? []);
  if (words.size < MIN_HEADLINE_WORDS) return false;
  let all = 0;
  let shared = 0;
  for (const word of words) {
    all += word.length;
    if (titleWords.has(word)) shared += word.length;
  }
  return all > 0 && shared >= REWORDED_SHARE * all;
}

/** A paragraph this long is the story's first: header lines come before it. */
const STORY_PARAGRAPH_CHARS = 120;
/** Header lines are looked for among this many leading elements at most. */
const MAX_LEADING = 80;

export const removeDuplicateHeaderLines: ExtractRule = {
  name: 'remove-duplicate-header-lines',
  phase: 'clean',
  why: 'The overlay prints the headline, byline and publication itself; the same lines (or the page\'s own address) at the top of the body would show twice.',
  apply({ root, metadata, baseUrl, record }) {
    const repeated = headerLines(metadata, baseUrl);
    const title = normalise(metadata.title);
    const titleWords = new Set(title.match(WORD) ?? []);
    let removed = 0;
    // Only before the story's first paragraph: a name repeated later in the story is part of it.
    const leading: Element[] = [];
    for (const element of Array.from(root.querySelectorAll('h1, h2, h3, h4, p, div, span, a, time'))) {
      if (leading.length >= MAX_LEADING || (element.tagName === 'P' && textLength(element) >= STORY_PARAGRAPH_CHARS)) break;
      leading.push(element);
    }
    for (const element of leading) {
      if (!root.contains(element) || element.querySelector('img, picture, figure')) continue;
      const line = normalise(element.textContent);
      if (repeated.has(line) || isTitlePart(line, title) || rewordsTitle(element, line, titleWords)) {
        record?.(element, 'removed repeated header line');
        element.remove();
        removed++;
      }
    }
    return removed;
  },
};
