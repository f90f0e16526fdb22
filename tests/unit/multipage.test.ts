import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/lib/extract/types';
import { appendPage } from '@/lib/multipage/append-page';
import { loadNextPage } from '@/lib/multipage/load-next-page';
import type { SafeHtml } from '@/lib/sanitize';
import { extractArticle } from '@/lib/extract';
import { getSanitizerWindow, parseHtmlDocument } from '@/scripts/lib/node-dom';
import { extractHtml, paragraphsOf, readFixture } from '../helpers/fixtures';

const ORIGIN = 'https://coastal.example';
const url = (name: string) => `${ORIGIN}/features/${name}`;
const win = getSanitizerWindow();

function extracted(name: string) {
  const result = extractHtml(readFixture('multipage', name), url(name), { findNextPage: true });
  if (!result.ok) throw new Error(`${name}: ${result.detail}`);
  return result;
}

/** A fetch that serves the multi-page fixtures at ORIGIN, and records what it was asked. */
function fixtureFetch() {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const address = String(input);
    calls.push({ url: address, init });
    const name = new URL(address).pathname.split('/').pop() ?? '';
    return new Response(readFixture('multipage', name), { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

describe('multi-page fixture: each page names its next one', () => {
  it('page 1 → page 2 by rel=next; page 2 → 3 once the chain says it is page 2; page 3 has none', () => {
    expect(extracted('long-read.html').nextPageUrl).toBe(url('long-read-2.html'));
    // long-read-2 → long-read-3 could be the next episode of a series: only a followed chain says page 2.
    expect(extracted('long-read-2.html').nextPageUrl).toBeUndefined();
    const chained = extractArticle(parseHtmlDocument(readFixture('multipage', 'long-read-2.html'), url('long-read-2.html')), { url: url('long-read-2.html'), pageNumber: 2, sanitizerWindow: win, findNextPage: true });
    expect(chained.ok && chained.nextPageUrl).toBe(url('long-read-3.html'));
    expect(extracted('long-read-3.html').nextPageUrl).toBeUndefined();
  });
});

describe('loadNextPage: the request a click on "next" makes', () => {
  it('asks the same origin once, with the page\'s credentials and same-origin mode, and reads the page with the same extraction', async () => {
    const { fetchImpl, calls } = fixtureFetch();
    const loaded = await loadNextPage(url('long-read-2.html'), { origin: ORIGIN, pageNumber: 2, win, fetchImpl });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(url('long-read-2.html'));
    expect(calls[0]?.init).toMatchObject({ credentials: 'include', mode: 'same-origin', redirect: 'follow' });
    // Folio adds no header of its own (no user agent, referrer or cookie of its making).
    expect(calls[0]?.init?.headers).toBeUndefined();
    expect(calls[0]?.init?.referrer).toBeUndefined();
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.article.textContent).toContain('Volunteers have started anyway');
    // Known to be page 2 of the chain, so its slug-numbered next page counts.
    expect(loaded.nextPageUrl).toBe(url('long-read-3.html'));
  });

  it('never asks another origin, and stops when the page redirects to one', async () => {
    const { fetchImpl, calls } = fixtureFetch();
    const refused = await loadNextPage('https://elsewhere.example/features/long-read-2.html', { origin: ORIGIN, pageNumber: 2, win, fetchImpl });
    expect(refused.ok).toBe(false);
    expect(calls).toHaveLength(0);

    const redirected = (async () => {
      const response = new Response('<p>x</p>', { headers: { 'content-type': 'text/html' } });
      Object.defineProperty(response, 'url', { value: 'https://elsewhere.example/landing' });
      return response;
    }) as unknown as typeof fetch;
    const moved = await loadNextPage(url('long-read-2.html'), { origin: ORIGIN, pageNumber: 2, win, fetchImpl: redirected });
    expect(moved).toEqual({ ok: false, detail: expect.stringContaining('another site') });
  });

  it('says why when the site fails (an HTTP error, a network error)', async () => {
    const failing = (async () => new Response('gone', { status: 503, statusText: 'Service Unavailable' })) as unknown as typeof fetch;
    const answer = await loadNextPage(url('long-read-2.html'), { origin: ORIGIN, pageNumber: 2, win, fetchImpl: failing });
    expect(answer).toEqual({ ok: false, detail: expect.stringContaining('503') });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const unreachable = await loadNextPage(url('long-read-2.html'), { origin: ORIGIN, pageNumber: 2, win, fetchImpl: offline });
    expect(unreachable).toEqual({ ok: false, detail: expect.stringContaining('Failed to fetch') });
  });
});

describe('appendPage: the story as one, without what each page repeats', () => {
  it('adds pages 2 and 3 after "Page N" headings, without the repeated standfirst, byline or pager', () => {
    const first = extracted('long-read.html').article;
    const secondArticle = extracted('long-read-2.html').article;
    const third = extracted('long-read-3.html').article;
    const two = appendPage(first, secondArticle, 2, win);
    const three = appendPage(two, third, 3, win);

    const paragraphs = paragraphsOf(three.content);
    const count = (text: string) => paragraphs.filter((p) => p.includes(text)).length;
    expect(count('The lighthouse on Gull Point has stood')).toBe(1);
    expect(count('Volunteers have started anyway')).toBe(1);
    expect(count('A glassblower from the next valley')).toBe(1);
    // The standfirst each page repeats shows once (page 1's), and no pager ("Pages: 1 2 3 Next page ›").
    expect(count('A lighthouse, its last keeper')).toBe(1);
    expect(three.textContent).not.toMatch(/Pages:|Next page|‹ Previous/);
    // Visible separators, in order.
    const order = ['Gull Point has stood', 'Page 2', 'Volunteers have started', 'Page 3', 'A glassblower'].map((text) => three.textContent.indexOf(text));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    expect(three.content).toMatch(/<hr><h2>Page 2<\/h2>[\s\S]*<hr><h2>Page 3<\/h2>/);
    expect(three.wordCount).toBeGreaterThan(first.wordCount + secondArticle.wordCount / 2);
    // The first page's markup is kept exactly; header fields stay the first page's.
    expect(three.content.startsWith(first.content)).toBe(true);
    expect(three.title).toBe(first.title);
  });

  it('drops what a page repeats even when its extraction kept it: headline, byline, a paragraph already shown, its pager', () => {
    const first = extracted('long-read.html').article;
    const shownParagraph = 'When the coast guard automated it in 1987, the last keeper, Ada Marsh, handed over the keys and moved into the village, where she still lives in a small house facing the water.';
    const content = `<h1>The last keeper of Gull Point</h1><p>By Tom Reyes</p><p>${shownParagraph}</p><p>New text of the second page, long enough to be a paragraph of the story and not a header line at all, about the stairs.</p><p>Pages: <a href="/a">1</a> <a href="/a-3">3</a> <a href="/a-3">Next ›</a></p><p>A short closing line.</p>`;
    const page = { ...first, title: 'The last keeper of Gull Point (page 2)', content: content as SafeHtml } satisfies Article;
    const added = paragraphsOf(appendPage(first, page, 2, win).content.slice(first.content.length));
    expect(added).toEqual(['New text of the second page, long enough to be a paragraph of the story and not a header line at all, about the stairs.', 'A short closing line.']);
  });

  it('keeps each page\'s footnote links working and apart (ids renamed per page, prefixed once)', () => {
    const first = extracted('long-read.html').article;
    const page = extracted('long-read-2.html').article;
    const combined = appendPage(first, page, 2, win);
    expect(combined.content).toContain('id="user-content-fn1-p2"');
    expect(combined.content).toContain('href="#user-content-fn1-p2"');
    expect(combined.content).not.toContain('user-content-user-content');
  });

  it('passes the added part through the sanitizer, even if a page\'s content were not clean', () => {
    const first = extracted('long-read.html').article;
    const hostile = { ...first, content: '<p>Text long enough to be kept as a paragraph of the story, really.</p><img src="x" onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>' as SafeHtml } satisfies Article;
    const combined = appendPage(first, hostile, 2, win);
    const added = combined.content.slice(first.content.length);
    expect(added).not.toMatch(/onerror|<script|javascript:/i);
    expect(added).toContain('Text long enough');
  });
});
