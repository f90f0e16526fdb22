/**
 * The article's own next page, for multi-page articles (issue 3): the address a reader would reach by
 * clicking the story's "next page" link, or null. Read from the untouched document (the private copy
 * has no `<link>`s); DOM only, never changes the document, never throws.
 *
 * A link counts only when its address says it is this story's next page: same origin, and the same
 * address with one page number more (`?page=2`, `/2/`, `/page/2`, `story-2.html` from page 1). That is
 * what tells pagination from navigation between articles: "next article" links (and old WordPress
 * `<link rel="next">` to the adjacent post) lead to another address altogether. On top of that, a
 * link found by its text (not by `rel="next"`) must read like pagination ("Next", "›", "2",
 * "Page 2 of 5", "Suivant"…), not name what it leads to ("Next story", "Next slide", "Newer comments"),
 * must not sit in comments, galleries, asides or teaser rows, and must come after the story's first
 * half (pagination closes a story; a "next" at the top of a page is site navigation).
 */
import { withoutHash } from './url';

/** Query parameters that carry a page number. `p` is left out: WordPress uses `?p=` for a post's id. */
const PAGE_PARAMS = /^(?:page|pg|paged|pagina|seite|pagenum|pagenumber|page_?no|pn)$/i;
/** A path segment that is a page number: `2`, `page2`, `page-2`, `seite_2`, `p2`. */
const PAGE_SEGMENT = /^(?:(?:page|pagina|seite|pg|p)[-_]?)?(\d{1,2})$/i;
/** A page number glued to the slug, with an optional extension: `story-2`, `story_2.html`. */
const SUFFIX_PAGE = /^(.+?)[-_,](\d{1,2})(\.[a-z]{2,5})?$/i;
/** Pagination goes up to here; a larger number at the end of a path is an id (`/story/12345`). */
const MAX_PAGE = 99;

/** What a pagination link reads like (lowercased, spaces collapsed, arrows and "…" aside). */
const NEXT_WORDS = new Set([
  'next', 'next page', 'continue', 'continue reading', 'more', 'read more on the next page',
  'suivant', 'suivante', 'page suivante', 'weiter', 'nächste', 'nächste seite', 'vor',
  'siguiente', 'página siguiente', 'pagina siguiente', 'successiva', 'pagina successiva', 'volgende', 'próxima', 'próxima página',
]);
const ARROWS = /[›»→>⟩❯▶▸]+/g;
/** Pagination by number: "2", "Page 2", "Page 2 of 5", "2 / 5", "Seite 2", "Página 2". */
const PAGE_LABEL = /^(?:(?:page|seite|página|pagina|pág\.?|p\.)\s*)?(\d{1,2})(?:\s*(?:of|von|de|sur|di|\/)\s*\d{1,3})?$/i;
const PREVIOUS_WORDS = /\b(?:prev|previous|précédente?|zurück|anterior|vorherige)\b|[‹«←]/;
/** Containers whose links lead elsewhere than the story's next page. */
const ELSEWHERE = /comment|gallery|slideshow|slider|carousel|lightbox|related|recommend|sidebar|widget|teaser|promo|more-stories|trending|popular/i;

interface PagedAddress {
  /** The address without its page number: the same for every page of one story. */
  key: string;
  /** 1 when the address has no page number. */
  page: number;
  /** True when the page number was read from a form that can also be part of a slug (`story-2`). */
  ambiguous: boolean;
}

function pageNumber(text: string): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= MAX_PAGE ? value : null;
}

/** The ways `url` can be read as (story, page); the first is "this address is page 1 of itself". */
function readings(url: URL): PagedAddress[] {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(url.search);
  const found: PagedAddress[] = [];
  const keyOf = (pathname: string, query: URLSearchParams) => {
    const search = query.toString();
    return `${url.origin}${pathname}${search ? `?${search}` : ''}`;
  };
  for (const [name, value] of params) {
    if (!PAGE_PARAMS.test(name)) continue;
    const page = pageNumber(value);
    if (page === null) continue;
    const rest = new URLSearchParams(url.search);
    rest.delete(name);
    return [{ key: keyOf(path, rest), page, ambiguous: false }];
  }
  found.push({ key: keyOf(path, params), page: 1, ambiguous: false });
  const segments = path.split('/');
  const last = segments.pop() ?? '';
  const segment = PAGE_SEGMENT.exec(last);
  if (segment && segments.length > 1) {
    // `/story/page/2`: the word is its own segment.
    const parent = /^(?:page|pagina|seite)$/i.test(segments[segments.length - 1] ?? '') && /^\d+$/.test(last) ? segments.slice(0, -1) : segments;
    const page = pageNumber(segment[1] ?? '');
    if (page !== null) found.push({ key: keyOf(parent.join('/') || '/', params), page, ambiguous: false });
  }
  const suffix = SUFFIX_PAGE.exec(last);
  if (suffix) {
    const page = pageNumber(suffix[2] ?? '');
    if (page !== null) found.push({ key: keyOf([...segments, `${suffix[1]}${suffix[3] ?? ''}`].join('/'), params), page, ambiguous: true });
  }
  return found;
}

/**
 * True when `next` is `current`'s next page: one page number more on the same story's address. A
 * slug-glued number (`story-2`) counts only from page 1 (`story` → `story-2`), or when the caller
 * followed the chain and knows `current` is page `knownPage`: otherwise, from `episode-4`, `episode-5`
 * is far more often the next episode than page 5.
 */
export function isNextPageAddress(current: URL, next: URL, knownPage?: number): boolean {
  if (current.origin !== next.origin) return false;
  for (const now of readings(current)) {
    const trusted = !now.ambiguous || now.page === knownPage;
    for (const then of readings(next)) {
      if (now.key !== then.key || then.page !== now.page + 1) continue;
      if (!trusted || (then.ambiguous && now.page !== 1 && now.page !== knownPage)) continue;
      return true;
    }
  }
  return false;
}

function parse(href: string | null, base: URL): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return /^https?:$/.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

function hasRel(element: Element, token: string): boolean {
  return (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes(token);
}

function labelOf(link: Element): string {
  const text = `${link.textContent ?? ''} ${link.getAttribute('aria-label') ?? ''} ${link.getAttribute('title') ?? ''}`;
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * "Next", "Next ›", "›", "Suivant", "2", "Page 2 of 5" — and nothing that names what comes next. A
 * number counts when it is `nextPage` (any page number for 'any').
 */
function readsAsPagination(link: Element, nextPage: number | 'any'): boolean {
  const parts = [link.textContent ?? '', link.getAttribute('aria-label') ?? '', link.getAttribute('title') ?? ''];
  return parts.some((part) => {
    // Pagination labels are short; a sentence is not one (and is not worth the regexes below).
    if (part.length > 60) return false;
    const text = part.toLowerCase().replace(/\s+/g, ' ').trim();
    if (!text) return false;
    const words = text.replace(ARROWS, ' ').replace(/[…:]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (!words) return true; // an arrow alone
    if (NEXT_WORDS.has(words)) return true;
    const label = PAGE_LABEL.exec(words);
    return label !== null && (nextPage === 'any' || Number(label[1]) === nextPage);
  });
}

function inElsewhereContainer(link: Element): boolean {
  for (let node: Element | null = link; node; node = node.parentElement) {
    const tag = node.localName;
    if (tag === 'aside' || tag === 'header' || tag === 'body') return tag !== 'body';
    if (ELSEWHERE.test(`${node.getAttribute('id') ?? ''} ${node.getAttribute('class') ?? ''}`)) return true;
  }
  return false;
}

/**
 * Of `links`, those after the middle of the page's prose (paragraphs of 80+ characters): pagination
 * closes a story. One walk over paragraphs and links in document order (querySelectorAll keeps it;
 * linkedom's compareDocumentPosition does not order siblings' descendants reliably).
 */
function afterStoryMiddle(doc: Document, links: Element[]): Element[] {
  const nodes = Array.from(doc.querySelectorAll('p, a[href]'));
  const prose = nodes.filter((node) => node.localName === 'p' && (node.textContent ?? '').trim().length >= 80);
  const middle = prose[Math.floor(prose.length / 2)];
  const from = middle ? nodes.indexOf(middle) + 1 : 0;
  const after = new Set(nodes.slice(from));
  return links.filter((link) => after.has(link));
}

/** The page number `url` has as a page of its own story (1 when it has none). */
function currentPage(url: URL, knownPage: number | undefined): number {
  if (knownPage) return knownPage;
  const paged = readings(url).find((reading) => reading.page > 1 && !reading.ambiguous);
  return paged?.page ?? 1;
}

/**
 * The story's next page on the same origin, or null. `pageUrl` is the address the document was loaded
 * from (not its canonical address: page 2 of a story often names page 1 as canonical). `knownPage`:
 * the page number of `doc` when the caller reached it by following this story's next-page links.
 */
export function findNextPageUrl(doc: Document, pageUrl: string | null, knownPage?: number): string | null {
  try {
    const current = parse(pageUrl, new URL('http://invalid.invalid/'));
    if (!current || !pageUrl) return null;
    const here = withoutHash(current);
    const accept = (url: URL | null): url is URL => url !== null && withoutHash(url) !== here && !/comment/i.test(url.hash) && isNextPageAddress(current, url, knownPage);

    for (const element of Array.from(doc.querySelectorAll('link[rel], a[rel]'))) {
      if (!hasRel(element, 'next') || (element.localName === 'a' && inElsewhereContainer(element))) continue;
      const url = parse(element.getAttribute('href'), current);
      if (accept(url)) return withoutHash(url);
    }

    const nextPage = currentPage(current, knownPage) + 1;
    // Text first: most pages have no link that reads like pagination, and then no prose walk is needed.
    const paginationLike = Array.from(doc.querySelectorAll('a[href]')).filter((link) => readsAsPagination(link, nextPage));
    if (paginationLike.length === 0) return null;
    for (const link of afterStoryMiddle(doc, paginationLike)) {
      if (inElsewhereContainer(link)) continue;
      if (PREVIOUS_WORDS.test(labelOf(link))) continue;
      const url = parse(link.getAttribute('href'), current);
      if (accept(url)) return withoutHash(url);
    }
    return null;
  } catch {
    // A page that breaks the finder simply offers no next page.
    return null;
  }
}

/** Text a pager may have besides its links ("Pages:", "Page 2 of 3", separators). */
const MAX_PAGER_OTHER_TEXT = 30;

/**
 * A block that is only a pager ("Pages: 1 2 3 Next ›", "‹ Previous | Next ›"): every link a page
 * number, next or previous, and little other text. Appended pages drop theirs (the reader continues
 * with Folio's own control).
 */
export function isPagerBlock(block: Element): boolean {
  const links = Array.from(block.querySelectorAll('a'));
  if (links.length === 0) return false;
  const linkText = links.reduce((sum, link) => sum + (link.textContent ?? '').trim().length, 0);
  const otherText = (block.textContent ?? '').replace(/\s+/g, '').length - linkText;
  if (otherText > MAX_PAGER_OTHER_TEXT) return false;
  return links.every((link) => PREVIOUS_WORDS.test(labelOf(link)) || readsAsPagination(link, 'any'));
}
