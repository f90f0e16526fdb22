import { describe, expect, it } from 'vitest';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-link-previews: hover cards beside a linked name', () => {
  it('drops the preview card and keeps the sentence, its linked name and an inline picture', () => {
    const result = extractHtml(readFixture('rules', 'link-previews.html'), 'https://politics.example/news/3-rail-plan');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    expect(text).not.toContain('Budget talks stall');
    expect(text).not.toContain('Farm vote delayed');
    expect(text).not.toContain('MORE');
    expect(text).toContain("Sen. Jane Roe (D-Ore.) said the line would carry freight off the state's busiest highway.");
    expect(result.article.content).toContain('https://politics.example/people/jane-roe');
    expect(result.article.content).toContain('station.jpg');
    expect(text).toContain('would be rebuilt first under the plan');
  });
});
