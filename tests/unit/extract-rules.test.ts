import { describe, expect, it } from 'vitest';
import { structuredParagraphs } from '@/lib/extract/paywall/structured-body';
import { extractHtml } from '../helpers/fixtures';

const prose = (n: number, words = 'reporters said the committee met again on Tuesday to discuss the budget and the schedule for the coming year') =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1}: the ${words}, and nobody expected the outcome that followed.</p>`).join('');

function article(body: string, head = ''): string {
  return `<!doctype html><html><head><title>Story</title><meta property="og:type" content="article">${head}</head><body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Story</h1>${body}</article></main></body></html>`;
}

describe('resolve-lazy-images', () => {
  it('swaps placeholders for data-src, data-srcset and <noscript> copies', () => {
    const result = extractHtml(
      article(
        `${prose(3)}<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/a.jpg" alt="A"><figcaption>Caption A</figcaption></figure>` +
          `<figure><img class="lazy" src="/spacer.gif" data-srcset="/img/b-400.jpg 400w, /img/b-800.jpg 800w" alt="B"><noscript><img src="/img/b.jpg" alt="B"></noscript></figure>${prose(3)}`,
      ),
      'https://news.example/story',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.content).toContain('src="https://news.example/img/a.jpg"');
    expect(result.article.content).toContain('https://news.example/img/b.jpg');
    expect(result.article.content).toContain('Caption A');
    expect(result.article.content).not.toContain('spacer.gif');
  });

  it("gives a figure whose picture is a script's placeholder box the image its data-src names, so the caption keeps its picture", () => {
    const box = '<div class="js-delayed-image-load" data-alt="The prosecutor, 19 November" data-src="https://img.example/news/320/prosecutor.jpg"></div>';
    const player = '<div class="player" data-src="https://video.example/embed/123"></div>';
    const result = extractHtml(
      article(`${prose(3)}<figure>${box}<figcaption>The prosecutor said witnesses were interviewed</figcaption></figure><figure>${player}<figcaption>The hearing</figcaption></figure>${prose(3)}`),
      'https://news.example/story',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.content).toMatch(/<img[^>]+src="https:\/\/img\.example\/news\/320\/prosecutor\.jpg"/);
    expect(result.article.content).toContain('alt="The prosecutor, 19 November"');
    expect(result.article.textContent).toContain('The prosecutor said witnesses were interviewed');
    // A player's address is not a picture: no image is made from it.
    expect(result.article.content).not.toContain('video.example');
  });
});

describe('embeds-to-links', () => {
  it('turns a video player into a link to its page, with its title', () => {
    const result = extractHtml(article(`${prose(3)}<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="The launch, in full"></iframe>${prose(3)}`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.content).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
    expect(result.article.textContent).toContain('Video on YouTube: The launch, in full');
    expect(result.article.content).not.toContain('<iframe');
  });
});

describe('embeds-to-links: embedded posts', () => {
  it("keeps a quoted post's text, author and link as a plain quotation, out of its social wrapper and without the network's script", () => {
    const tweet = `<div class="social-media-embed"><blockquote class="twitter-tweet" data-theme="dark"><p lang="en" dir="ltr">The whole point of this campaign is to raise awareness, and it is working <a href="https://twitter.com/hashtag/thanks">#thanks</a></p>— Governor (@governor) <a href="https://twitter.com/governor/status/1196553520201248768">November 18, 2019</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js"></script></div>`;
    const result = extractHtml(article(`${prose(3)}${tweet}${prose(3)}`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain('The whole point of this campaign is to raise awareness');
    expect(result.article.textContent).toContain('— Governor (@governor)');
    expect(result.article.content).toMatch(/<blockquote><p lang="en" dir="ltr">The whole point/);
    expect(result.article.content).toContain('href="https://twitter.com/governor/status/1196553520201248768"');
    expect(result.article.content).not.toContain('widgets.js');
  });
});

describe('reveal-hidden-story', () => {
  it('shows paragraphs hidden with the hidden attribute or display:none, but not a hidden menu', () => {
    const result = extractHtml(
      article(`${prose(3)}<div hidden>${prose(2, 'hidden story text continued here with more detail about the budget vote')}</div><p style="display:none">Inline hidden paragraph of the story that is long enough to count as prose for a reader, really it is.</p><ul hidden><li><a href="/a">Menu item</a></li></ul>`),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain('hidden story text continued');
    expect(result.article.textContent).toContain('Inline hidden paragraph');
    expect(result.article.textContent).not.toContain('Menu item');
  });
});

describe('remove-subscription-prompts', () => {
  it('removes a sign-up wall but keeps a story sentence that mentions subscribing', () => {
    const sentence = 'Readers who subscribe to the council newsletter were told about the vote a week before everyone else, the clerk said.';
    const result = extractHtml(article(`${prose(3)}<p>${sentence}</p><div class="wall"><h3>Subscribe to continue reading</h3><a href="/subscribe">Subscribe now</a></div>${prose(2)}`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain(sentence);
    expect(result.article.textContent).not.toContain('Subscribe to continue reading');
  });
});

describe('remove-related-lists', () => {
  it('drops a "Related stories" heading and its list of links', () => {
    const result = extractHtml(article(`${prose(5)}<h3>Related stories</h3><ul><li><a href="/x">Other story one</a></li><li><a href="/y">Other story two</a></li></ul>`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).not.toContain('Related stories');
    expect(result.article.textContent).not.toContain('Other story one');
  });

  it('drops a bold "DON\'T MISS" line and the tagged headline links under it, keeps the story after it', () => {
    const teasers = '<p><a href="/a">Minister quits over tax row</a> [<strong>INSIGHT]|<br></strong><a href="/b">Storm warning for the coast</a> [<strong>VIDEO]</strong></p>';
    const result = extractHtml(article(`${prose(3)}<p><strong>DON'T MISS</strong></p>${teasers}${prose(2, 'mayor said the council would vote again next week')}`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).not.toContain("DON'T MISS");
    expect(result.article.textContent).not.toContain('Minister quits over tax row');
    expect(result.article.textContent).toContain('mayor said the council would vote again next week');
  });
});

describe('structured body recovery', () => {
  it('splits a one-line articleBody where the visible paragraphs ended', () => {
    const paragraphs = structuredParagraphs('First para. Second para. The rest of the story, which was hidden.', ['First para.', 'Second para.']);
    expect(paragraphs).toEqual(['First para.', 'Second para.', 'The rest of the story, which was hidden.']);
  });

  it('rebuilds a truncated body from the page JSON-LD only when it is much longer', () => {
    const full = Array.from({ length: 12 }, (_, i) => `Sentence group ${i + 1} of the complete story, as the page delivered it in its own structured data for search engines.`).join('\n');
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Story', articleBody: full })}</script>`;
    const truncated = extractHtml(article('<p>Sentence group 1 of the complete story, as the page delivered it in its own structured data for search engines.</p><p>Subscribe to read more</p>', ld));
    expect(truncated.ok).toBe(true);
    if (truncated.ok) expect(truncated.article.textContent).toContain('Sentence group 12 of the complete story');
  });
});

describe('defuse-dom-clobbering', () => {
  it('extracts a page whose form clobbers parentNode instead of looping forever', () => {
    const result = extractHtml(article(`${prose(4)}<form action="/s"><input name="parentNode"><input name="nodeName"><p>Inside the form.</p></form><img name="querySelectorAll" src="/a.png">${prose(2)}`));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.textContent).toContain('Paragraph 4');
  });
});
