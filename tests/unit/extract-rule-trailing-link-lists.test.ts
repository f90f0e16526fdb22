import { describe, expect, it } from 'vitest';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-trailing-link-lists', () => {
  it("drops the list of the site's own stories after the last paragraph, with its label; keeps a list of sources that point elsewhere", () => {
    const result = extractHtml(readFixture('rules', 'trailing-link-lists.html'), 'https://science.example/most-detailed-universe-simulation.html');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    for (const teaser of ['15 Amazing Images of Stars', 'our Milky Way galaxy', 'Unanswered Questions About Dark Matter', 'More great science stories']) {
      expect(text).not.toContain(teaser);
    }
    expect(text).toContain('Planck 2018 results');
    expect(text).toContain('A survey of nearby galaxies');
    expect(text).toContain('There is a huge road ahead of us');
    expect(text).toContain('Originally published on Example Science.');
  });

  it('keeps a list that is most of the story, even when it links into the site', () => {
    const items = Array.from({ length: 6 }, (_, i) => `<li><a href="/story-${i}.html">Story number ${i} of today's ten things you need to know in tech</a></li>`).join('');
    const html = `<!doctype html><html><head><title>Ten things in tech</title><meta property="og:type" content="article"></head><body><article><h1>Ten things in tech</h1><p>Good morning! This is the tech news you need to know this Tuesday, gathered by our team from around the world overnight.</p><ul>${items}</ul></article></body></html>`;
    const result = extractHtml(html, 'https://news.example/ten-things');
    expect(result.ok || result.bestEffort).toBeTruthy();
    const article = result.ok ? result.article : result.bestEffort;
    expect(article?.textContent).toContain('Story number 5');
  });
});
