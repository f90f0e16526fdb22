import { describe, expect, it } from 'vitest';
import { isContactLine } from '@/lib/extract/rules/remove-contact-lines';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-contact-lines: which lines ask readers to reach the writer', () => {
  it.each([
    'Write to Al Root at allen.root@dowjones.com',
    'Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com. Follow her on Twitter @AmyKup or on Facebook.',
    'Reach the reporters on Twitter at http://twitter.com/MegKinnardAP',
    'View author archive email the author',
    'Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.',
    // the quick test before the nine signs folds case as they do (/iu): capitals, and the Kelvin sign for k
    'FOLLOW US ON X.COM/NEWSDESK',
    'CONTACT THE AUTHOR',
    'Let us \u212Anow at the newsdesk',
    'Got a news tip? Let us know at desk',
  ])('%s', (line) => {
    expect(isContactLine(line)).toBe(true);
  });

  it.each([
    'Readers who wrote to the agency by email last year asked for more launches from Florida.',
    'The senator said she would follow the committee on its trip to the border next week.',
    `${'The company told employees in a long memo that the office would close, '.repeat(4)}and staff could write to hr@example.com.`,
  ])('keeps "%s"', (line) => {
    expect(isContactLine(line)).toBe(false);
  });
});

describe('remove-contact-lines on a page', () => {
  it('drops the contact and follow lines, keeps an embedded post with its handle and the story', () => {
    const result = extractHtml(readFixture('rules', 'contact-lines.html'), 'https://space.example/news/landers');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    expect(text).not.toContain('Email Tariq Malik');
    expect(text).not.toContain('email the author');
    expect(text).not.toContain('Have a tip?');
    expect(text).toContain('Follow @NASA on Twitter for launch updates');
    expect(text).toContain('Readers who wrote to the agency by email');
    expect(text).toContain('with most flights leaving from Cape Canaveral');
  });
});
