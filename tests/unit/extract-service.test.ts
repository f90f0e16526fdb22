import { afterEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractHtml } from '@/lib/extract-service/extract-html';
import { fetchPage } from '@/lib/extract-service/fetch-page';
import { planReading, readableTextLength, serializeDocument, toExtractResult } from '@/lib/extract-service/off-page';
import { withTimeout } from '@/lib/extract-service/with-timeout';
import { runExtractRequest } from '@/lib/extract-service/run-request';
import { serviceFailure, type ServiceResult } from '@/lib/extract-service/types';
import { downloadArticle, downloadResultOf } from '@/lib/library/download-article';
import { checkMessageData } from '@/lib/messaging-schema';
import { getSanitizerWindow, parseHtmlDocument } from '@/scripts/lib/node-dom';

const PAGE_URL = 'https://news.example/2024/keepers.html';
const PARAGRAPH =
  'For ninety years the south light on Fair Isle was kept by hand, and the keepers wrote down every ship that passed in a ledger that still sits in the small museum of the island.';
const STORY_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The keepers of Fair Isle</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="The Northern Almanac"></head>
<body><nav><a href="/">Home</a></nav><main><article><h1>The keepers of Fair Isle</h1>
${Array.from({ length: 6 }, (_, i) => `<p>${PARAGRAPH} Entry ${i + 1}.</p>`).join('\n')}
<p><img src="/img/ledger.jpg" alt="The ledger"></p>
</article></main></body></html>`;

/** Node has no DOMParser: the tests give the service linkedom to parse and jsdom to sanitize, as the CLI does. */
const dom = { parse: (html: string) => parseHtmlDocument(html), sanitizerWindow: getSanitizerWindow() };

function fakeFetch(respond: (url: string, init: RequestInit | undefined) => Response | Promise<Response>) {
  return vi.fn<typeof fetch>(async (input, init) => respond(String(input), init));
}

function htmlResponse(body: string, { status = 200, type = 'text/html; charset=utf-8', url }: { status?: number; type?: string; url?: string } = {}): Response {
  const response = new Response(body, { status, headers: { 'content-type': type } });
  if (url) Object.defineProperty(response, 'url', { value: url });
  return response;
}

describe('fetchPage', () => {
  it('loads the page with the user’s cookies and reports where redirects ended', async () => {
    const fetchImpl = fakeFetch(() => htmlResponse(STORY_HTML, { url: 'https://news.example/final.html' }));
    const page = await fetchPage(PAGE_URL, { fetchImpl });
    expect(page).toEqual({ ok: true, html: STORY_HTML, url: 'https://news.example/final.html' });
    expect(fetchImpl).toHaveBeenCalledWith(PAGE_URL, expect.objectContaining({ credentials: 'include', redirect: 'follow' }));
  });

  it('says why when the site fails, is unreachable or is not a web page', async () => {
    expect(await fetchPage(PAGE_URL, { fetchImpl: fakeFetch(() => htmlResponse('gone', { status: 404 })) })).toEqual(serviceFailure('unreachable', 'The site answered 404.'));
    expect(await fetchPage(PAGE_URL, { fetchImpl: fakeFetch(() => htmlResponse('%PDF', { type: 'application/pdf' })) })).toEqual(
      serviceFailure('not-html', 'This is not a web page (application/pdf).'),
    );
    const offline = await fetchPage(PAGE_URL, { fetchImpl: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))) });
    expect(offline).toEqual(serviceFailure('unreachable', 'Could not reach the site (Failed to fetch).'));
  });

  it('gives up on a silent site after its timeout, and says "Stopped." when the caller stops it', async () => {
    const hang = fakeFetch((_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    expect(await fetchPage(PAGE_URL, { fetchImpl: hang, timeoutMs: 20 })).toEqual(serviceFailure('timeout', 'The site did not answer within 0 s.'));
    const controller = new AbortController();
    const stopped = fetchPage(PAGE_URL, { fetchImpl: hang, signal: controller.signal });
    controller.abort();
    expect(await stopped).toEqual(serviceFailure('unreachable', 'Stopped.'));
  });
});

describe('extractHtml', () => {
  it('reads the article out of markup, resolving its links against the page’s address', () => {
    const result = extractHtml(STORY_HTML, PAGE_URL, dom);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.title).toBe('The keepers of Fair Isle');
    expect(result.article.siteName).toBe('The Northern Almanac');
    expect(result.article.textContent).toContain('Entry 6.');
    expect(result.article.textContent).not.toContain('Home');
    expect(result.article.content).toContain('src="https://news.example/img/ledger.jpg"');
  });

  it('resolves against the page’s address, not Folio’s, where the parser’s document has the extension page’s own (offscreen document, library page)', () => {
    const extensionPage = new JSDOM('', { url: 'chrome-extension://folio-id/offscreen.html' }).window;
    const parse = (html: string) => new extensionPage.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const result = extractHtml(STORY_HTML, PAGE_URL, { ...dom, parse });
    expect(result.ok && result.article.content).toContain('src="https://news.example/img/ledger.jpg"');
    // A page's own relative <base> is resolved against the page's address too.
    const based = extractHtml(STORY_HTML.replace('<head>', '<head><base href="/archive/">'), PAGE_URL, { ...dom, parse });
    expect(based.ok && based.article.content).toContain('src="https://news.example/img/ledger.jpg"');
  });

  it('says so, without throwing, when the markup cannot be parsed or holds no article', () => {
    const broken = extractHtml(STORY_HTML, PAGE_URL, {
      ...dom,
      parse: () => {
        throw new Error('parser exploded');
      },
    });
    expect(broken).toEqual({ ok: false, reason: 'error', detail: "The page's markup could not be read (parser exploded)." });
    const empty = extractHtml('<html><body><p>Sign in</p></body></html>', PAGE_URL, dom);
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.reason).toBe('empty');
  });
});

describe('runExtractRequest and downloadArticle', () => {
  it('fetches then extracts a page asked for by address', async () => {
    const fetchImpl = fakeFetch(() => htmlResponse(STORY_HTML, { url: PAGE_URL }));
    const result = await runExtractRequest({ source: 'url', url: PAGE_URL }, { ...dom, fetchImpl });
    expect(result.ok && result.article.title).toBe('The keepers of Fair Isle');
  });

  it('extracts given markup without fetching anything', async () => {
    const fetchImpl = fakeFetch(() => htmlResponse(''));
    const result = await runExtractRequest({ source: 'html', html: STORY_HTML, url: PAGE_URL }, { ...dom, fetchImpl });
    expect(result.ok).toBe(true);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('looks for the story’s next page only when the reader asks (a save does not need it)', async () => {
    const paged = STORY_HTML.replace('</head>', '<link rel="next" href="/2024/keepers-2.html"></head>');
    const saved = await runExtractRequest({ source: 'html', html: paged, url: PAGE_URL }, dom);
    const read = await runExtractRequest({ source: 'html', html: paged, url: PAGE_URL, findNextPage: true }, dom);
    expect(saved.ok && saved.nextPageUrl).toBeUndefined();
    expect(read.ok && read.nextPageUrl).toBe('https://news.example/2024/keepers-2.html');
    expect(checkMessageData('extractPageHtml', { html: paged, url: PAGE_URL, findNextPage: true }).ok).toBe(true);
    expect(checkMessageData('extractPageHtml', { html: paged, url: PAGE_URL, findNextPage: 'yes' }).ok).toBe(false);
  });

  it('keeps the library’s wording: best effort counts as an article, failures say what went wrong', async () => {
    const fetchImpl = fakeFetch(() => htmlResponse('<html><body><p>Sign in</p></body></html>'));
    expect(await downloadArticle(PAGE_URL, { ...dom, fetchImpl })).toEqual({ ok: false, detail: 'Folio found no article on this page (Only 0 words of text were found.).' });
    expect(downloadResultOf(serviceFailure('not-html', 'This is not a web page (image/png).'))).toEqual({ ok: false, detail: 'This is not a web page (image/png).' });
    const article = extractHtml(STORY_HTML, PAGE_URL, dom);
    if (!article.ok) throw new Error('fixture did not extract');
    expect(downloadResultOf({ ok: false, reason: 'not-article', detail: 'a list', bestEffort: article.article })).toEqual({ ok: true, article: article.article });
  });
});

describe('downloadArticle stages', () => {
  it('says when it starts loading the page and when it starts reading it, waiting for each answer', async () => {
    const log: string[] = [];
    const fetchImpl = fakeFetch(() => {
      log.push('fetch');
      return htmlResponse(STORY_HTML, { url: PAGE_URL });
    });
    const onStage = async (stage: string) => {
      log.push(stage);
      await Promise.resolve();
      log.push(`${stage} shown`);
    };
    const result = await downloadArticle(PAGE_URL, { ...dom, fetchImpl, onStage });
    expect(result.ok && result.article.title).toBe('The keepers of Fair Isle');
    expect(log).toEqual(['fetching', 'fetching shown', 'fetch', 'reading', 'reading shown']);
  });

  it('stops after loading when the site does not give a page', async () => {
    const stages: string[] = [];
    const fetchImpl = fakeFetch(() => htmlResponse('gone', { status: 404, type: 'text/plain' }));
    expect(await downloadArticle(PAGE_URL, { ...dom, fetchImpl, onStage: (stage) => void stages.push(stage) })).toMatchObject({ ok: false, detail: expect.stringMatching(/^The site answered 404/) });
    expect(stages).toEqual(['fetching']);
  });
});

describe('the reader’s plan for big pages', () => {
  const big = (count: number) => `<!doctype html><html><head><title>Big</title></head><body><main>${'<div><span>x</span></div>'.repeat(count / 2)}</main></body></html>`;

  // jsdom here: the plan counts elements with a live collection, which linkedom does not keep.
  it('reads ordinary pages in place, and copies big ones for the service without changing them', () => {
    const small = new JSDOM(STORY_HTML).window.document;
    expect(planReading(small)).toEqual({ where: 'in-page' });
    const page = new JSDOM(big(2000)).window.document;
    const before = serializeDocument(page);
    const plan = planReading(page, { minElements: 1000, maxElements: 5000 });
    expect(plan.where).toBe('off-page');
    if (plan.where !== 'off-page') return;
    expect(plan.elements).toBeGreaterThan(2000);
    expect(before.startsWith('<!doctype html>')).toBe(true);
    expect(before).toContain('<title>Big</title>');
    expect(serializeDocument(page)).toBe(before);
  });

  it('sends a text-heavy page with few elements off the page, counting readable text only', () => {
    const words = 'word '.repeat(400);
    const prose = new JSDOM(`<html><head><title>Long</title></head><body>${`<p>${words}</p>`.repeat(10)}</body></html>`).window.document;
    expect(readableTextLength(prose)).toBeGreaterThan(20_000);
    const plan = planReading(prose, { minText: 20_000 });
    expect(plan.where).toBe('off-page');
    if (plan.where === 'off-page') expect(plan.textLength).toBe(readableTextLength(prose));
    // The same amount of text inside a script (a page's JSON state) is no reason to leave the page.
    const state = new JSDOM(`<html><body><p>${words}</p><script type="application/json">${'"x"'.repeat(20_000)}</script></body></html>`).window.document;
    expect(readableTextLength(state)).toBeLessThan(3_000);
    expect(planReading(state, { minText: 20_000 })).toEqual({ where: 'in-page' });
  });

  it('refuses pages over the limit before copying them, in the pipeline’s words', () => {
    const page = new JSDOM(big(6000)).window.document;
    const plan = planReading(page, { minElements: 1000, maxElements: 5000 });
    expect(plan.where).toBe('nowhere');
    if (plan.where !== 'nowhere') return;
    expect(plan.result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(!plan.result.ok && plan.result.detail).toMatch(/^The page has 600\d elements; Folio reads pages of up to 5000\.$/);
  });
});

describe('waiting for the service', () => {
  afterEach(() => vi.useRealTimers());

  it('answers with the result when it comes in time, and with a clear timeout when it does not', async () => {
    vi.useFakeTimers();
    const quick = withTimeout(Promise.resolve(serviceFailure('unavailable', 'no reader')), 1000, 'too slow');
    expect(await quick).toEqual(serviceFailure('unavailable', 'no reader'));
    const never = new Promise<ServiceResult>(() => undefined);
    const slow = withTimeout(never, 1000, 'Folio stopped after 1 seconds.');
    await vi.advanceTimersByTimeAsync(1000);
    expect(await slow).toEqual(serviceFailure('timeout', 'Folio stopped after 1 seconds.'));
  });

  it('words service failures as the overlay shows failures', () => {
    expect(toExtractResult(serviceFailure('timeout', 'stopped'))).toEqual({ ok: false, reason: 'too-large', detail: 'stopped' });
    expect(toExtractResult(serviceFailure('unavailable', 'no reader'))).toEqual({ ok: false, reason: 'error', detail: 'no reader' });
    const empty = { ok: false as const, reason: 'empty' as const, detail: 'Only 2 words of text were found.' };
    expect(toExtractResult(empty)).toBe(empty);
  });
});

describe('the service’s messages', () => {
  it('accepts a page’s markup from the reader, and fetches only web addresses', () => {
    expect(checkMessageData('extractPageHtml', { html: STORY_HTML, url: PAGE_URL }).ok).toBe(true);
    expect(checkMessageData('extractPageHtml', { html: STORY_HTML, url: 'file:///home/me/story.html' }).ok).toBe(true);
    expect(checkMessageData('extractPageHtml', { html: 42, url: PAGE_URL }).ok).toBe(false);
    expect(checkMessageData('extractPageHtml', { html: '', url: PAGE_URL, fetch: true }).ok).toBe(false);
    expect(checkMessageData('extractInOffscreen', { source: 'url', url: PAGE_URL }).ok).toBe(true);
    expect(checkMessageData('extractInOffscreen', { source: 'url', url: 'file:///etc/passwd' }).ok).toBe(false);
    expect(checkMessageData('extractInOffscreen', { source: 'url', url: 'chrome-extension://abc/library.html' }).ok).toBe(false);
    expect(checkMessageData('extractInOffscreen', { source: 'html', html: STORY_HTML, url: PAGE_URL }).ok).toBe(true);
    expect(checkMessageData('extractInOffscreen', { source: 'disk', url: PAGE_URL }).ok).toBe(false);
  });
});
