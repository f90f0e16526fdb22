import { describe, expect, it } from 'vitest';
import { isContributorLine } from '@/lib/extract/rules/remove-contributor-lines';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-contributor-lines: which lines are newsroom credits', () => {
  it.each([
    '(Reporting by Greg Roumeliotis, Joshua Franklin; editing by Martin Howell.)',
    'Additional reporting by Joseph Hudak',
    'Keith Bradsher contributed reporting from Hong Kong.',
    'Associated Press writers Alan Fram and Zeke Miller contributed to this report.',
    'Fox News’ Jessica Napoli contributed to this report.',
  ])('%s', (line) => {
    expect(isContributorLine(line)).toBe(true);
  });

  it.each(['Reporting from the border has become dangerous, the group said.', 'She has contributed to the fund since 2010.'])('keeps "%s"', (line) => {
    expect(isContributorLine(line)).toBe(false);
  });
});

describe('remove-contributor-lines on a page', () => {
  it("drops the credit lines at the story's end; keeps a story sentence that starts the same way", () => {
    const result = extractHtml(readFixture('rules', 'contributor-lines.html'), 'https://wire.example/markets/trade-doubts');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    expect(text).not.toContain('contributed reporting from Hong Kong');
    expect(text).not.toContain('Editing by Nick Zieminski');
    expect(text).toContain('Reporting by wire services has been thin this week');
    expect(text).toContain('gold edged higher');
  });
});
