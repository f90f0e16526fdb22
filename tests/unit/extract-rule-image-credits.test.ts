import { describe, expect, it } from 'vitest';
import { isCreditText } from '@/lib/extract/rules/remove-image-credits';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-image-credits: which lines are photo credits', () => {
  it.each([
    'Photo: Hau Dinh, AP',
    'Credit: The Siberian Times',
    '(Image: GETTY)',
    '(Image credit: Future/SpaceX/Blue Origin, Sierra Nevada)',
    'Image copyright Getty Images',
    'Alex Wong | Getty Images',
    'J. Scott Applewhite / AP file',
    'Sakib Ali/Hindustan Times/Getty Images',
    '© John Brecher',
    'Photograph by Robyn Beck/AFP/Getty Images',
  ])('%s', (line) => {
    expect(isCreditText(line)).toBe(true);
  });

  it.each([
    'Associated Press reporters in Hanoi said the talks went on late into the night.',
    'The road to retiring early is not easy for anyone in Reuters',
    'Fleas that live on rodents carry the bacteria (Image: GETTY)',
    '(Graphic: Global assets in 2019 - here)',
    'Photo: the council chamber was packed on Tuesday night as residents lined up to speak against the plan',
  ])('keeps "%s"', (line) => {
    expect(isCreditText(line)).toBe(false);
  });
});

describe('remove-image-credits on a page', () => {
  it('drops credits in captions and on their own lines, keeps captions and a wire service named in a sentence', () => {
    const result = extractHtml(readFixture('rules', 'image-credits.html'), 'https://news.example/world/plague');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    for (const credit of ['Credit: Getty', 'Natalie Naccache', '(Image: GETTY)', 'Photo: Jane Doe', 'Robyn Beck']) expect(text).not.toContain(credit);
    expect(text).toContain('The hospital where the patient is being treated');
    expect(text).toContain('Fleas that live on rodents carry the bacteria');
    expect(text).toContain('The Associated Press reported that the region closed a market');
    expect(text).toContain('said Dr. Wei Chen');
  });
});
