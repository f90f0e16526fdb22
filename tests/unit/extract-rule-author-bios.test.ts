import { describe, expect, it } from 'vitest';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-author-bios: the author box after the story', () => {
  it('drops the name line and the bio after the story, keeps the same name inside the story', () => {
    const result = extractHtml(readFixture('rules', 'author-bios.html'), 'https://coast.example/news/harbour-dredging');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    expect(text).not.toContain('Maria is a reporter covering the coast');
    expect(text.trim().endsWith('if nothing was done.')).toBe(true);
    expect(text).toContain("Maria Lopez, a fisherman's daughter who now runs the harbour's boatyard");
  });

  it('without a byline, finds the writer from "Jane Doe is a reporter for …"', () => {
    const html = `<!doctype html><html><head><title>Rail strike called off</title><meta property="og:type" content="article"></head><body><article><h1>Rail strike called off</h1>
      <p>The rail union called off next week's strike late on Sunday after the operator agreed to reopen talks on pay and on the staffing of night trains, a spokesman for the union said in a statement.</p>
      <p>Commuters had been told to expect three days without trains on the busiest lines, and several employers had already asked their staff to work from home for the whole week.</p>
      <p>Talks are due to resume on Wednesday at the offices of the mediation service, which both sides have asked to chair them, and could last until the end of the month.</p>
      <div><p>Sam Okafor</p><p>Sam Okafor is a reporter for Example News.</p></div></article></body></html>`;
    const result = extractHtml(html, 'https://news.example/rail-strike');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).not.toContain('is a reporter for Example News');
    expect(result.article.textContent).not.toContain('Sam Okafor');
    expect(result.article.textContent).toContain('could last until the end of the month.');
  });
});
