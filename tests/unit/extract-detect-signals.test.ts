import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../lib/extract/detect.ts';
import { parseHtmlDocument } from '../../scripts/lib/node-dom.ts';

const sentence = 'The council voted late on Tuesday to extend the programme for another year, citing strong results. ';
const paragraph = (n = 3) => sentence.repeat(n);
const page = (head: string, body: string, url = 'https://news.example/2024/05/story') =>
  parseHtmlDocument(`<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`, url);

describe('detectArticle signals', () => {
  it('counts story text set in text-only <div>s and <br>-split lines as prose', () => {
    const divs = page('', `<main>${Array.from({ length: 6 }, () => `<div>${paragraph()}</div>`).join('')}</main>`);
    const lines = page('', `<main><div>${Array.from({ length: 6 }, () => `${paragraph()}<br><br>`).join('')}</div></main>`);
    expect(detectArticle(divs).signals.prose).toBeGreaterThan(20);
    expect(detectArticle(lines).signals.prose).toBeGreaterThan(20);
    expect(detectArticle(divs).isArticle).toBe(true);
  });

  it('scores only the largest run of paragraphs sharing one parent, not blurbs spread over cards', () => {
    const story = page('', `<article>${Array.from({ length: 6 }, () => `<p>${paragraph()}</p>`).join('')}</article>`);
    const cards = page('', Array.from({ length: 6 }, () => `<div class="card"><p>${paragraph()}</p></div>`).join(''));
    expect(detectArticle(cards).signals.prose).toBeLessThan(detectArticle(story).signals.prose / 3);
  });

  it('argues against product, list and search markup', () => {
    const body = `<div>${Array.from({ length: 4 }, () => `<p>${paragraph()}</p>`).join('')}</div>`;
    const plain = detectArticle(page('', body));
    const product = detectArticle(page('<meta property="og:type" content="product">', body));
    const list = detectArticle(page('<script type="application/ld+json">{"@type":"ItemList","itemListElement":[]}</script>', body));
    expect(product.signals.nonArticleMarkup).toBe(true);
    expect(list.signals.nonArticleMarkup).toBe(true);
    expect(product.score).toBe(plain.score - 25);
  });

  it('treats a site root as a front page unless its JSON-LD names an article', () => {
    const body = `<div>${Array.from({ length: 3 }, () => `<p>${paragraph(2)}</p>`).join('')}</div>`;
    const root = detectArticle(page('', body, 'https://blog.example/'));
    const rootArticle = detectArticle(page('<script type="application/ld+json">{"@type":"BlogPosting"}</script>', body, 'https://blog.example/'));
    expect(root.isArticle).toBe(false);
    expect(rootArticle.isArticle).toBe(true);
  });

  it('lets many related-story headline links lower the score by at most 10', () => {
    const story = `<article>${Array.from({ length: 5 }, () => `<p>${paragraph()}</p>`).join('')}</article>`;
    const related = Array.from({ length: 50 }, (_, i) => `<h3><a href="/s/${i}">Story ${i}</a></h3>`).join('');
    const alone = detectArticle(page('<meta property="og:type" content="article">', story));
    const withLinks = detectArticle(page('<meta property="og:type" content="article">', story + related));
    expect(alone.score - withLinks.score).toBeCloseTo(10);
    expect(withLinks.isArticle).toBe(true);
  });
});
