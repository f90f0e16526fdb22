import { describe, expect, it } from 'vitest';
import { isDateLine } from '@/lib/extract/rules/remove-date-lines';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-date-lines: which lines are publication dates', () => {
  it.each([
    'Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM',
    'Updated 11:21 pm CST, Tuesday, November 19, 2019',
    'PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019',
    'Published 1 day ago',
    'Nov. 20, 2019, 9:28 AM UTC',
    '19.11.2019, 08:57',
    'segunda-feira, 22 de janeiro de 2018 às 0:13',
    'Posted on Maret 30, 2015 by Admin',
    'By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.',
    'Updated on: November 19, 2019 / 10:07 AM / CBS News',
    '2019年11月20日 10:30',
  ])('%s', (line) => {
    expect(isDateLine(line)).toBe(true);
  });

  it.each([
    '4:14 p.m.',
    'On November 18, 2019 the council also named a new clerk, Maria Lopez, who has worked in the finance office.',
    'The vote was held on May 4. It passed.',
    '7th Amsterdam Light Festival 29 November 2018 | 20 January 2019',
    'Chapter 12',
    'By the end of 2019 the bridge will reopen to traffic and buses.',
  ])('keeps "%s"', (line) => {
    expect(isDateLine(line)).toBe(false);
  });
});

describe('remove-date-lines on a page', () => {
  it('drops the standing publication lines and keeps the story, its dates and a live-blog time', () => {
    const result = extractHtml(readFixture('rules', 'date-lines.html'), 'https://news.example/local/budget');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    expect(text).not.toContain('Posted Nov 18');
    expect(text).not.toContain('November 18, 2019 at 2:26 PM');
    expect(text).not.toContain('Published 1 day ago');
    expect(text).not.toContain('22 de janeiro');
    expect(text).toContain('The city council approved the new budget');
    expect(text).toContain('4:14 p.m.');
    expect(text).toContain('takes effect on January 1, 2020');
    expect(text).toContain('On November 18, 2019 the council also named a new clerk');
  });
});
