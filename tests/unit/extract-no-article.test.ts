import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract';
import { getSanitizerWindow, parseHtmlDocument } from '@/scripts/lib/node-dom';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('pages without an article', () => {
  it('a home page of teasers is not an article, but has a best-effort result to show anyway', () => {
    const result = extractHtml(readFixture('pages', 'home-page.html'), 'https://ledger.example/');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('not-article');
    expect(result.detail).toMatch(/list|story/);
    expect(result.bestEffort?.textContent).toContain('Leaders meet in London');
  });

  it('a sign-in form is empty of article text', () => {
    const result = extractHtml(readFixture('pages', 'sign-in.html'), 'https://acme.example/signin');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['empty', 'not-article']).toContain(result.reason);
  });

  it('an empty document gives a typed failure, not an exception', () => {
    const result = extractHtml('');
    expect(result).toMatchObject({ ok: false });
  });

  it('broken HTML still extracts the story it holds', () => {
    const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of a story whose markup was never closed properly, with enough words in it to be read as prose by any reader who happens to open it in a browser today.`).join('');
    const result = extractHtml(`<html><head><title>Broken</title><body><div><article><h1>Broken page</h1>${story}<div><span>unclosed`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.textContent).toContain('Paragraph 6 of a story');
  });

  it('a document larger than the limit is refused as too-large', () => {
    const doc = parseHtmlDocument(`<html><body>${'<div><p>x</p></div>'.repeat(200)}</body></html>`);
    const result = extractArticle(doc, { sanitizerWindow: getSanitizerWindow(), maxElements: 100 });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('a failure inside the pipeline is returned as reason "error"', () => {
    const doc = parseHtmlDocument('<html><body><p>text</p></body></html>');
    const result = extractArticle(doc, { sanitizerWindow: undefined as unknown as Window });
    // Node has no global window: the sanitizer fails closed, and extraction reports it.
    expect(result).toMatchObject({ ok: false, reason: 'error' });
  });
});
