import { describe, expect, it } from 'vitest';
import { findNextPageUrl, isNextPageAddress } from '@/lib/extract/next-page';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';
import { extractHtml } from '../helpers/fixtures';

const STORY = 'https://news.example/2026/11/river-bridge';

/** Prose long enough to count as the story (the finder looks for pagination after its first half). */
const prose = (count: number) =>
  Array.from({ length: count }, (_, i) => `<p>Paragraph ${i + 1} of the story: the council met again on Tuesday and argued for hours about the bridge, its cost and who would pay for the repairs.</p>`).join('');

function page({ head = '', before = '', after = '' }: { head?: string; before?: string; after?: string }): string {
  return `<!doctype html><html><head><title>The river bridge</title>${head}</head><body>${before}<article><h1>The river bridge</h1>${prose(8)}</article>${after}</body></html>`;
}

const next = (html: string, url = STORY, knownPage?: number) => findNextPageUrl(parseHtmlDocument(html, url), url, knownPage);

describe('next page: links that are the story\'s own pagination', () => {
  it('reads <link rel="next"> in the head', () => {
    expect(next(page({ head: '<link rel="next" href="/2026/11/river-bridge?page=2">' }))).toBe(`${STORY}?page=2`);
  });

  it('reads an <a rel="next"> after the story (rel tokens in any case, among others)', () => {
    expect(next(page({ after: '<div class="pager"><a rel="Next nofollow" href="river-bridge/2/">Continue</a></div>' }))).toBe(`${STORY}/2/`);
  });

  it('finds a numbered pager after the story: "1 2 3 Next ›" (WordPress-style /page/2/)', () => {
    const pager = `<div class="page-links">Pages: <span>1</span> <a href="${STORY}/page/2/">2</a> <a href="${STORY}/page/3/">3</a> <a href="${STORY}/page/2/">Next ›</a></div>`;
    expect(next(page({ after: pager }))).toBe(`${STORY}/page/2/`);
  });

  it('finds "Page 2 of 5", an arrow alone, and localized "Suivant" / "Weiter" / "Siguiente"', () => {
    expect(next(page({ after: `<p class="paging"><a href="?pg=2">Page 2 of 5</a></p>` }))).toBe(`${STORY}?pg=2`);
    expect(next(page({ after: `<nav><a href="${STORY}/2" aria-label="Next page">›</a></nav>` }))).toBe(`${STORY}/2`);
    expect(next(page({ after: `<a href="${STORY}?seite=2">Weiter »</a>` }))).toBe(`${STORY}?seite=2`);
    expect(next(page({ after: `<a href="${STORY}?page=2">Suivant</a>` }))).toBe(`${STORY}?page=2`);
    expect(next(page({ after: `<a href="${STORY}/pagina-2">Siguiente</a>` }))).toBe(`${STORY}/pagina-2`);
  });

  it('from page 2 of a chain, goes to page 3 (and a "2" link back to page 2 is not next)', () => {
    const current = `${STORY}?page=2`;
    const pager = `<div class="pager"><a href="${STORY}?page=1">1</a> <a href="${STORY}?page=2">2</a> <a href="${STORY}?page=3">3</a></div>`;
    expect(next(page({ after: pager }), current)).toBe(`${STORY}?page=3`);
  });

  it('follows slug-numbered pages (story.html → story-2.html → story-3.html) when the chain says which page this is', () => {
    const first = 'https://mag.example/features/long-read.html';
    expect(next(page({ head: '<link rel="next" href="long-read-2.html">' }), first)).toBe('https://mag.example/features/long-read-2.html');
    const second = 'https://mag.example/features/long-read-2.html';
    const toThird = page({ head: '<link rel="next" href="long-read-3.html">' });
    expect(next(toThird, second, 2)).toBe('https://mag.example/features/long-read-3.html');
    // Without the chain, "-2" → "-3" is as likely the next episode of a series as the next page.
    expect(next(toThird, second)).toBeNull();
  });

  it('ignores the fragment and keeps the address otherwise exact', () => {
    expect(next(page({ head: '<link rel="next" href="?page=2#content">' }))).toBe(`${STORY}?page=2`);
  });
});

describe('next page: links that are not this story\'s next page', () => {
  it('refuses "next article" / "next story" links, and a rel="next" to the adjacent post (old WordPress)', () => {
    expect(next(page({ after: '<div class="post-nav"><a href="/2026/11/school-budget">Next article: School budget passes ›</a></div>' }))).toBeNull();
    expect(next(page({ after: '<a href="/2026/11/river-bridge-2">Next story ›</a>' }))).toBeNull();
    expect(next(page({ head: '<link rel="next" title="School budget passes" href="https://news.example/2026/11/school-budget/">' }))).toBeNull();
    // An id at the end of the address is not a page number: /story/12346 is another story.
    expect(next(page({ head: '<link rel="next" href="/story/12346">' }), 'https://news.example/story/12345')).toBeNull();
  });

  it('refuses comment pages (WordPress comment-page-2, ?cpage=, #comments, links inside the comments)', () => {
    expect(next(page({ after: `<div class="comment-navigation"><a href="${STORY}/comment-page-2/#comments">Newer comments ›</a></div>` }))).toBeNull();
    expect(next(page({ after: `<a href="${STORY}?cpage=2">Next ›</a>` }))).toBeNull();
    expect(next(page({ after: `<section id="comments"><a href="${STORY}?page=2">2</a></section>` }))).toBeNull();
    expect(next(page({ after: `<a href="${STORY}?page=2#comments">Next</a>` }))).toBeNull();
  });

  it('refuses a gallery\'s "next slide" and links inside a slideshow', () => {
    expect(next(page({ after: `<a href="${STORY}?slide=2">Next slide ›</a>` }))).toBeNull();
    expect(next(page({ after: `<div class="gallery-controls"><a href="${STORY}/2">›</a></div>` }))).toBeNull();
  });

  it('refuses other origins, the page itself, "previous", and a "Next" at the top of the page', () => {
    expect(next(page({ head: '<link rel="next" href="https://other.example/2026/11/river-bridge?page=2">' }))).toBeNull();
    expect(next(page({ after: `<a href="${STORY}">Next</a>` }))).toBeNull();
    expect(next(page({ after: `<a href="${STORY}?page=2">‹ Previous</a>` }), `${STORY}?page=3`)).toBeNull();
    expect(next(page({ before: `<div class="top-bar"><a href="${STORY}?page=2">Next</a></div>` }))).toBeNull();
    // A link that names a page other than the next one.
    expect(next(page({ after: `<a href="${STORY}?page=3">3</a>` }))).toBeNull();
  });

  it('never throws on odd input: no address, a file read without one, javascript: links', () => {
    expect(next(page({ head: '<link rel="next" href="?page=2">' }), '')).toBeNull();
    expect(findNextPageUrl(parseHtmlDocument(page({ head: '<link rel="next" href="?page=2">' })), null)).toBeNull();
    expect(next(page({ after: '<a href="javascript:alert(1)">Next</a>' }))).toBeNull();
  });
});

describe('isNextPageAddress', () => {
  const is = (a: string, b: string, known?: number) => isNextPageAddress(new URL(a), new URL(b), known);
  it('pairs page N with N+1 only, for each address form', () => {
    expect(is('https://a.example/s', 'https://a.example/s?page=2')).toBe(true);
    expect(is('https://a.example/s?page=2&x=1', 'https://a.example/s?x=1&page=3')).toBe(true);
    expect(is('https://a.example/s?page=2', 'https://a.example/s?page=4')).toBe(false);
    expect(is('https://a.example/s/', 'https://a.example/s/2/')).toBe(true);
    expect(is('https://a.example/s/page/2/', 'https://a.example/s/page/3/')).toBe(true);
    expect(is('https://a.example/s', 'https://a.example/t/2')).toBe(false);
    expect(is('https://a.example/s?p=123', 'https://a.example/s?p=124')).toBe(false);
    expect(is('https://a.example/episode-4', 'https://a.example/episode-5')).toBe(false);
    expect(is('https://a.example/episode-4', 'https://a.example/episode-5', 4)).toBe(true);
  });
});

describe('next page in the extraction result', () => {
  it('an article with a pager gets nextPageUrl when asked; the same pager on a list of stories gets none', () => {
    const paged = page({ head: '<meta property="og:type" content="article">', after: `<div class="pager"><a href="${STORY}?page=2">Next page ›</a></div>` });
    const article = extractHtml(paged, STORY, { findNextPage: true });
    expect(article.ok).toBe(true);
    if (article.ok) expect(article.nextPageUrl).toBe(`${STORY}?page=2`);
    // Only the overlay's "Continue reading" asks; saving and the CLI do not look for it.
    const unasked = extractHtml(paged, STORY);
    expect(unasked.ok && 'nextPageUrl' in unasked).toBe(false);

    const section = 'https://news.example/section/city';
    const teaser = (n: number) => `<li><h2><a href="/2026/11/story-${n}">Story ${n} headline about the city</a></h2><p>A short teaser for story ${n}.</p></li>`;
    const listing = `<!doctype html><html><head><title>City news</title></head><body><h1>City</h1><ul>${Array.from({ length: 20 }, (_, i) => teaser(i + 1)).join('')}</ul><div class="pagination"><a href="${section}/page/2/">Next ›</a></div></body></html>`;
    const result = extractHtml(listing, section, { findNextPage: true });
    expect(result.ok).toBe(false);
    expect('nextPageUrl' in result).toBe(false);
  });

  it('leaves the document unchanged', () => {
    const doc = parseHtmlDocument(page({ head: '<link rel="next" href="?page=2">' }), STORY);
    const before = doc.documentElement.outerHTML;
    findNextPageUrl(doc, STORY);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
