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
});
