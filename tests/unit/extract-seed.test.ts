import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract';
import { getSanitizerWindow, parseHtmlDocument } from '@/scripts/lib/node-dom';
import { SEED_FORMS, extractHtml, paragraphsOf, readFixture, readJsonFixture } from '../helpers/fixtures';

/** The soft-paywalled aggregator page the mission started from, in three forms (tests/fixtures/seed). */
const STORY = readJsonFixture<string[]>('seed', 'paragraphs.json');
const NOT_THE_STORY = [
  'Sign up to read this article',
  'Read news from 100’s of titles',
  'Already a member',
  'Sign in here',
  'Related Stories',
  'Top stories on inkl right now',
  'One subscription that gives you access',
  'Our Picks',
  'Fourteen days free',
  'Download the app',
  'One app',
  'Get all your news in one place',
  'Start reading',
  'Zelensky says Ukraine is ready to sign minerals deal',
  'European leaders gather in London',
  'Inside the race to build a better battery',
];

interface ExpectedMetadata {
  url: string;
  title: string;
  byline: string;
  siteName: string;
  publishedTime: string;
  paragraphs: number;
}

describe.each(SEED_FORMS)('the seed page, form "%s"', (form) => {
  const expected = readJsonFixture<ExpectedMetadata>('seed', form, 'expected-metadata.json');
  const result = extractHtml(readFixture('seed', form, 'source.html'), expected.url);
  const article = result.ok ? result.article : undefined;

  it('is read as an article', () => {
    expect(result.ok, JSON.stringify(result.ok ? null : result)).toBe(true);
  });

  it('shows the headline, byline, the publisher (not the aggregator) and the date', () => {
    expect(article?.title).toBe(expected.title);
    expect(article?.byline).toBe('Gustaf Kilander');
    expect(article?.siteName).toBe('The Independent UK');
    expect(article?.publishedTime).toBe(expected.publishedTime);
  });

  it('shows all 16 paragraphs of the story, in order', () => {
    expect(STORY).toHaveLength(expected.paragraphs);
    const shown = paragraphsOf(article?.content ?? '');
    const storyParagraphs = shown.filter((text) => STORY.includes(text));
    expect(storyParagraphs).toEqual(STORY);
  });

  it('shows none of the promos, sign-up prompts or related stories', () => {
    for (const phrase of NOT_THE_STORY) {
      expect(article?.textContent, phrase).not.toContain(phrase);
    }
  });

  it('gives a reading time for about 760 words', () => {
    expect(article?.wordCount).toBeGreaterThan(700);
    expect(article?.wordCount).toBeLessThan(820);
    expect(article?.readingMinutes).toBe(3);
  });
});

describe('extraction leaves the live document alone', () => {
  it.each(SEED_FORMS)('form "%s" serialises the same before and after', (form) => {
    const doc = parseHtmlDocument(readFixture('seed', form, 'source.html'), 'https://www.inkl.com/news/x');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, { sanitizerWindow: getSanitizerWindow() });
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
