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

  it('counts a dated permalink (year, month, day, then a slug of words) for a post of short lines, not a date archive', () => {
    // A weekly notes post: a few short paragraphs and lists of fixed bugs, too little long prose to decide alone.
    const body = `<article><p>${paragraph(2)}</p><p>${paragraph(2)}</p><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/b/${i}">Bug ${i}</a> fixed the toolbar layout on narrow windows</li>`).join('')}</ul></article>`;
    const post = detectArticle(page('', body, 'https://blog.example/2020/12/18/these-weeks-in-firefox-issue-85/'));
    const undated = detectArticle(page('', body, 'https://blog.example/posts/these-weeks-in-firefox-issue-85/'));
    const archive = detectArticle(page('', body, 'https://blog.example/2020/12/'));
    expect(post.signals.datedPermalink).toBe(true);
    expect(undated.signals.datedPermalink).toBe(false);
    expect(archive.signals.datedPermalink).toBe(false);
    expect(post.score).toBe(undated.score + 8);
    expect(post.isArticle).toBe(true);
    expect(undated.isArticle).toBe(false);
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

describe('detectArticle on news templates', () => {
  it('counts <div> paragraphs that hold links and emphasis as prose, not only text-only ones', () => {
    const withLinks = `<main>${Array.from({ length: 6 }, () => `<div class="body__paragraph">${sentence}<a href="/x">a linked phrase</a> and <em>an emphasis</em>. ${sentence}</div>`).join('')}</main>`;
    const withBlocks = `<main>${Array.from({ length: 6 }, () => `<div class="card"><div>${sentence}</div><div>${sentence}</div></div>`).join('')}</main>`;
    expect(detectArticle(page('', withLinks)).signals.prose).toBeGreaterThan(20);
    // A <div> holding blocks is a container, not a paragraph: its text is not counted twice.
    expect(detectArticle(page('', withBlocks)).signals.prose).toBe(0);
  });

  it("does not count the site menu's section headlines as teasers when they would keep a short story below the line", () => {
    // Two paragraphs and og:type article: an article by itself, not with 40 teasers' penalty.
    const story = `<article>${Array.from({ length: 2 }, () => `<p>${paragraph(2)}</p>`).join('')}</article>`;
    const menuLinks = Array.from({ length: 40 }, (_, i) => `<h4><a href="/section/${i}">Section story ${i}</a></h4>`).join('');
    const og = '<meta property="og:type" content="article">';
    const inMenu = detectArticle(page(og, `<div class="nav-hcat">${menuLinks}</div>${story}`));
    const inNav = detectArticle(page(og, `<nav>${menuLinks}</nav>${story}`));
    const inPage = detectArticle(page(og, `<div class="river">${menuLinks}</div>${story}`));
    expect(inMenu.signals.teasers).toBe(1);
    expect(inNav.signals.teasers).toBe(1);
    expect(inMenu.isArticle).toBe(true);
    // The same headlines in the page's own listing still argue against an article.
    expect(inPage.signals.teasers).toBe(41);
    expect(inPage.isArticle).toBe(false);
  });
});

describe('detectArticle on dense CJK text', () => {
  // About 60 characters each: short by the Latin measure, a full paragraph in Japanese.
  const japanese = [
    '市議会は火曜日の夜遅く、来年度の予算案を賛成多数で可決した。道路や公園の補修費をめぐって議論は四時間以上続いた。',
    '賛成した議員は、税率を据え置いたまま春の洪水で傷んだ三つの橋を直せると説明し、住民の要望に応えたと強調した。',
    '反対した議員は一時的な財源に頼りすぎていると批判し、来年も同じ穴を埋めることになると記者団に語っていた。',
    '市長は今週中に予算案に署名する見通しで、新しい支出は来年一月一日の会計年度の始まりとともに実施される。',
    '市はまた、財務課で十二年勤めてきた職員を新しい書記に任命し、十二月から仕事を引き継ぐと発表している。',
    '住民の間では補修の遅れを心配する声が根強く、説明会の開催を求める署名がすでに千人分以上集まっているという。',
  ];
  const story = japanese.map((text) => `<p>${text}</p>`).join('');

  it('weighs each CJK character as about three Latin ones, so dense paragraphs count as prose', () => {
    for (const text of japanese) expect(text.length).toBeLessThan(60);
    const detection = detectArticle(page('<html lang="ja">', `<main><article><h1>予算案を可決</h1>${story}</article></main>`, 'https://news.example.jp/2024/05/budget'));
    expect(detection.signals.prose).toBeGreaterThan(20);
    expect(detection.isArticle).toBe(true);
  });

  it('still gives nothing for short CJK lines such as a portal\'s headlines', () => {
    const headlines = Array.from({ length: 12 }, (_, i) => `<p>市議会が予算案を可決 第${i + 1}報</p>`).join('');
    expect(detectArticle(page('', `<main>${headlines}</main>`)).signals.prose).toBe(0);
  });
});

describe('detectArticle with text-only <div>s walked last', () => {
  it('still calls a <p> story with many short text <div>s beside it an article', () => {
    const story = Array.from({ length: 8 }, () => `<p>${paragraph()}</p>`).join('');
    const widgets = Array.from({ length: 50 }, () => `<div>${sentence}</div>`).join('');
    const detection = detectArticle(page('', `<main><article>${story}</article></main><aside>${widgets}</aside>`));
    expect(detection.isArticle).toBe(true);
  });
});
