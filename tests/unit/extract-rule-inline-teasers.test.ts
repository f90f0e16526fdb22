import { describe, expect, it } from 'vitest';
import { isLabelledTeaser, removeInlineTeasers } from '@/lib/extract/rules/remove-inline-teasers';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-inline-teasers: labelled pointers to other stories', () => {
  it.each([
    'Read more: Alibaba poised to launch record-breaking Hong Kong listing',
    'READ MORE: China plague outbreak confirmed',
    'Related: 7 Strange Signs You Are Having an Allergic Reaction',
    '[Related: Salesforce keynote: AI, integration and protesters]',
    'SEE MORE: Hong Kong protests: 800 students under siege',
    'Also on rt.com Journalists threatened with sedition arrests',
    '(Leggi anche su: ecco gli attori che interpreteranno Pegasus)',
  ])('%s', (line) => {
    expect(isLabelledTeaser(line)).toBe(true);
  });

  it.each([
    'Readers said the plan was too expensive.',
    'More than 200 people attended the meeting on Tuesday.',
    'Related stories of hardship were told by every family we met in the valley that week.',
  ])('keeps "%s"', (line) => {
    expect(isLabelledTeaser(line)).toBe(false);
  });
});

describe('remove-inline-teasers on a page', () => {
  it('drops teaser links between paragraphs, keeps sentences with links and the embedded video link', () => {
    const result = extractHtml(readFixture('rules', 'inline-teasers.html'), 'https://entertainment.example/swift-cleared');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    expect(text).not.toContain('HISTORY OF THE SINGER');
    expect(text).not.toContain('Everything you need to know');
    expect(text).not.toContain("Why the label's sale");
    expect(text).toContain("Read the label's full statement on its website.");
    expect(text).toContain('The statement, which was obtained by a trade paper');
    expect(text).toContain('Watch the performance that started it all is how one fan account');
    expect(text).toContain('Video on YouTube: The performance, in full');
  });

  it('drops a labelled teaser card whose whole box is one link (label and headline in spans, a cover image)', () => {
    const sentence = '<p>Three people died in the clashes on Tuesday, officials said, and thirty were injured.</p>';
    const card = '<a href="/news/other-story"><span class="card"><span class="card__content"><span>Also on example.com</span> <span>Journalists threatened with arrests as the purge goes on</span></span><img src="/cover.jpg" alt=""></span></a>';
    const doc = parseHtmlDocument(`<html><body><div id="story">${sentence}${card}${sentence}</div></body></html>`);
    const root = doc.getElementById('story')!;
    removeInlineTeasers.apply({ doc, root, baseUrl: null, metadata: {} as never });
    expect(root.textContent).not.toContain('Journalists threatened');
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });
});
