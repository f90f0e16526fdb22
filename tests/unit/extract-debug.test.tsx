import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExtractionDebugView } from '../../components/ExtractionDebugView';
import { detectArticle } from '../../lib/extract/detect.ts';
import { extractArticle } from '../../lib/extract/index.ts';
import { getSanitizerWindow, parseHtmlDocument } from '../../scripts/lib/node-dom.ts';

const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}: the harbour authority confirmed on Monday that the new ferry line will open in spring, with six crossings a day.</p>`).join('');
const html = `<!doctype html><html><head><title>Ferry line opens</title><meta property="og:type" content="article"></head><body>
  <main><article class="story-body"><h1>Ferry line opens</h1>${story}<div class="newsletter"><p>Sign up for our newsletter</p></div></article></main>
  <div class="rail"><p>Short teaser</p></div></body></html>`;

function extract() {
  const doc = parseHtmlDocument(html, 'https://port.example/news/ferry');
  return { result: extractArticle(doc, { url: 'https://port.example/news/ferry', sanitizerWindow: getSanitizerWindow(), debug: true }), doc };
}

describe('extraction debug output', () => {
  it('names each removed element with its rule and a text sample', () => {
    const { result } = extract();
    const removal = result.debug?.entries.find((entry) => entry.rule === 'remove-subscription-prompts' && entry.element);
    expect(removal?.element).toBe('div.newsletter');
    expect(removal?.sample).toBe('Sign up for our newsletter');
  });

  it('lists Readability\'s candidate containers with scores, the chosen one first, and the decision', () => {
    const { result } = extract();
    const candidates = result.debug?.candidates ?? [];
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates[0]).toMatchObject({ element: 'article.story-body', chosen: true });
    expect(candidates.map((c) => c.score)).toEqual([...candidates.map((c) => c.score)].sort((a, b) => b - a));
    expect(result.debug?.decision?.isArticle).toBe(true);
  });

  it('records nothing extra without debug', () => {
    const doc = parseHtmlDocument(html, 'https://port.example/news/ferry');
    expect(extractArticle(doc, { sanitizerWindow: getSanitizerWindow() }).debug).toBeUndefined();
  });

  it('ExtractionDebugView shows the decision, candidates, removals and signals', () => {
    const { result, doc } = extract();
    const markup = renderToStaticMarkup(<ExtractionDebugView debug={result.debug!} signals={detectArticle(doc).signals} />);
    expect(markup).toContain('Read as an article');
    expect(markup).toContain('<code>article.story-body</code>');
    expect(markup).toContain('(chosen)');
    expect(markup).toContain('<code>div.newsletter</code>');
    expect(markup).toContain('Sign up for our newsletter');
    expect(markup).toMatch(/og:type article<\/dt><dd>yes/);
  });
});
