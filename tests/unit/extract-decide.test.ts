import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/index.ts';
import { measureBody } from '../../lib/extract/decide.ts';
import { getSanitizerWindow, parseHtmlDocument } from '../../scripts/lib/node-dom.ts';

const sentence = 'Swimmers from twelve schools met on Friday for the state finals, and several records fell in the relays. ';
const story = Array.from({ length: 6 }, () => `<p>${sentence}</p>`).join('');
/** A short story surrounded by many related-story headline links: the in-page detector says no. */
function crowdedStory(ogType: string): string {
  const related = Array.from({ length: 60 }, (_, i) => `<h3><a href="/n/${i}">Other headline number ${i}</a></h3>`).join('');
  return `<!doctype html><html><head><title>Results</title><meta property="og:type" content="${ogType}"></head>
    <body><main><article><h1>State swim results</h1>${story}</article></main><aside>${related}</aside></body></html>`;
}
const extract = (html: string, url = 'https://news.example/content/news/state-swim-results') =>
  extractArticle(parseHtmlDocument(html, url), { url, sanitizerWindow: getSanitizerWindow(), debug: true });

describe('the extraction decision', () => {
  it('accepts an og:type article page whose chosen body is mostly prose, though the detector refuses it', () => {
    const result = extract(crowdedStory('article'));
    expect(result.ok).toBe(true);
    expect(result.debug?.entries.find((entry) => entry.step === 'decide')?.message).toMatch(/og:type article/);
  });

  it('still refuses the same page without article metadata, and at a site root', () => {
    expect(extract(crowdedStory('website'))).toMatchObject({ ok: false, reason: 'not-article' });
    expect(extract(crowdedStory('article'), 'https://news.example/')).toMatchObject({ ok: false, reason: 'not-article' });
  });

  it('accepts a short post of lists that the page marks as its one <article>, but not the same post among article cards', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `<li>Feature number ${i + 1} of the new release, which players asked for in the forum</li>`).join('');
    const post = `<article><h1>Release notes</h1><p>What is new in this version of the game:</p><ul>${items(8)}</ul><p>Try something new with your friends this weekend, and tell us what you think.</p><ul>${items(6)}</ul></article>`;
    const page = (body: string) => `<!doctype html><html><head><title>Release notes</title></head><body><header><a href="/">Home</a></header><main>${body}</main></body></html>`;
    const single = extract(page(post), 'https://games.example/release-notes-2-26/');
    expect(single.ok).toBe(true);
    expect(single.debug?.entries.find((entry) => entry.step === 'decide')?.message).toMatch(/one <article> element/);
    const cards = Array.from({ length: 3 }, (_, i) => `<article><h2>Other post ${i}</h2><p>A teaser for another post on the same blog.</p></article>`).join('');
    expect(extract(page(post + cards), 'https://games.example/release-notes-2-26/')).toMatchObject({ ok: false, reason: 'not-article' });
  });

  it('measures prose paragraphs and links in a body', () => {
    const doc = parseHtmlDocument(`<!doctype html><html><body><div id="b">${story}<ul><li><a href="/x">A link list item that is long enough to be a paragraph of text here</a></li></ul></div></body></html>`);
    const shape = measureBody(doc.getElementById('b') as Element);
    expect(shape.proseChars).toBeGreaterThan(500);
    expect(shape.linkDensity).toBeGreaterThan(0.05);
    expect(shape.linkDensity).toBeLessThan(0.2);
  });
});

describe('articleBodyText', () => {
  it('turns an articleBody holding (escaped) HTML into plain lines', async () => {
    const { articleBodyText } = await import('../../lib/extract/paywall/structured-body.ts');
    expect(articleBodyText('&lt;p&gt;First &lt;strong&gt;bold&lt;/strong&gt; line.&lt;/p&gt;&lt;p&gt;Second &amp;amp; last.&lt;/p&gt;')).toBe('First bold line.\nSecond & last.');
    expect(articleBodyText('<p>One</p><iframe src="x">player</iframe><p>Two</p>')).toBe('One\nTwo');
    expect(articleBodyText('Plain text & no tags.')).toBe('Plain text & no tags.');
  });
});
