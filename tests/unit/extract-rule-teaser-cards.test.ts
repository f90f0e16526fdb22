import { describe, expect, it } from 'vitest';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-teaser-cards: rows of cards pointing to other posts', () => {
  it('drops a row of linked cards and a row of cut-off excerpts, keeps the story, its figure and a paragraph that trails off', () => {
    const result = extractHtml(readFixture('rules', 'teaser-cards.html'), 'https://daily.example/news/river-bridge');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    expect(text).not.toContain('School budget passes');
    expect(text).not.toContain('Derby ends in a draw');
    expect(text).not.toContain('Neither side scored');
    expect(text).not.toContain('farmers from the whole valley');
    expect(text).not.toContain('Lawrence Fisher');
    expect(text).toContain('The town council voted seven to two');
    expect(text).toContain('which the council put at forty million dollars…');
    expect(text).toContain('The bridge as the architects drew it');
    expect(result.article.content).toContain('bridge.jpg');
    expect(text).toContain('will then be kept for people on foot');
  });

  it('keeps a list of items that is the story itself (linked headings making up most of the body)', () => {
    const item = (n: number) =>
      `<section><h2><a href="https://shop.example/guide/item-${n}">Item ${n}: a kettle worth buying</a></h2><a href="https://shop.example/guide/item-${n}"><img src="/k${n}.jpg" alt=""></a><p>This kettle boils a litre in under three minutes, keeps its handle cool and is easy to clean, which is why it made our list this year.</p></section>`;
    const html = `<!doctype html><html><head><title>The best kettles</title><meta property="og:type" content="article"></head><body><article><h1>The best kettles</h1><p>We tested twenty kettles over two months in a busy office kitchen to find the ones worth your money.</p>${[1, 2, 3, 4, 5].map(item).join('')}</article></body></html>`;
    const result = extractHtml(html, 'https://shop.example/guide/best-kettles');
    // A page of products may be judged a list; what it would show is what matters here.
    const article = result.ok ? result.article : result.bestEffort;
    for (const n of [1, 2, 3, 4, 5]) expect(article?.textContent).toContain(`Item ${n}: a kettle worth buying`);
  });
});
