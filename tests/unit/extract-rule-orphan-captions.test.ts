import { describe, expect, it } from 'vitest';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-orphan-captions', () => {
  it('drops a caption whose figure shows nothing (the page drew the picture with a script); keeps captions of pictures and of quotations', () => {
    const result = extractHtml(readFixture('rules', 'orphan-captions.html'), 'https://news.example/us/plea');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    expect(text).not.toContain('The congresswoman speaks at the Capitol');
    expect(text).toContain('The federal courthouse in Rochester, where the plea was entered.');
    expect(text).toContain('The defendant, in a statement to the court');
    expect(text).toContain('He was arrested in April');
  });
});
