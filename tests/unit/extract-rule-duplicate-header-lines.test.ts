import { describe, expect, it } from 'vitest';
import { readMetadata } from '@/lib/extract/metadata';
import { blockText } from '@/lib/extract/text';
import { removeDuplicateHeaderLines } from '@/lib/extract/rules/remove-duplicate-header-lines';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';
import { readFixture } from '../helpers/fixtures';

const URL = 'https://news.example/article/cat-found-14848175.php';

/** The rule on the body as Readability hands it over when a template's header shares the story's container. */
function cleanedBody(): string[] {
  const doc = parseHtmlDocument(readFixture('rules', 'duplicate-header-lines.html'), URL);
  const root = doc.querySelector('.page');
  if (!root) throw new Error('fixture has no .page');
  removeDuplicateHeaderLines.apply({ doc, root, baseUrl: URL, metadata: readMetadata(doc, URL) });
  return blockText(root).split('\n');
}

describe('remove-duplicate-header-lines', () => {
  it('drops the headline (without the site name), byline and page address printed above the story, even after a long menu', () => {
    const lines = cleanedBody();
    expect(lines).not.toContain('Cat found in New Mexico after going missing in Oregon');
    expect(lines).not.toContain('By Jane Reporter');
    expect(lines).not.toContain(URL);
  });

  it('keeps the story, and the headline words when the story itself repeats them', () => {
    const lines = cleanedBody();
    expect(lines[lines.length - 4]).toMatch(/^SANTA FE, N\.M\. — A cat who had been missing/);
    expect(lines[lines.length - 1]).toMatch(/^Cat found in New Mexico after going missing in Oregon is the kind of story/);
  });

  it('drops a headline the title joins to its site without spaces, or puts after the site\'s name and a colon', () => {
    const story = '<p>SANTA FE, N.M. — A cat who had been missing for years was found hundreds of miles from home this week, its owners said on Tuesday.</p>';
    for (const title of ['Cat found in New Mexico after going missing_Pets_Example News', 'Example News | The paper of the valley: Cat found in New Mexico after going missing']) {
      const doc = parseHtmlDocument(`<html><head><title>${title}</title></head><body><div class="page"><h1>Cat found in New Mexico after going missing</h1><h2>Example News</h2>${story}</div></body></html>`, URL);
      const root = doc.querySelector('.page')!;
      removeDuplicateHeaderLines.apply({ doc, root, baseUrl: URL, metadata: readMetadata(doc, URL) });
      expect(root.querySelector('h1')).toBeNull();
      // A short part of the title (the site's name) stays unless it is the site name the page declares.
      expect(root.querySelector('h2')?.textContent).toBe('Example News');
      expect(root.querySelector('p')?.textContent).toMatch(/^SANTA FE/);
    }
  });

  it('drops a leading h1 that rewords the title, keeps a heading that only shares a few of its words', () => {
    const story = '<p>VIERA — The Hawks beat their rivals on Tuesday night and stay unbeaten with two games left in the regular season, the coach said.</p>';
    const doc = parseHtmlDocument(`<html><head><title>HS Roundup: Viera defeats Rockledge to remain undefeated</title></head><body><div class="page"><h1>High School Roundup: Viera defeats Rockledge to remain undefeated</h1><h2>Rockledge looks ahead to the playoffs</h2>${story}</div></body></html>`, URL);
    const root = doc.querySelector('.page')!;
    removeDuplicateHeaderLines.apply({ doc, root, baseUrl: URL, metadata: readMetadata(doc, URL) });
    expect(root.querySelector('h1')).toBeNull();
    expect(root.querySelector('h2')?.textContent).toBe('Rockledge looks ahead to the playoffs');
  });
});

