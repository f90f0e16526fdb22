import { describe, expect, it } from 'vitest';
import { removeRepeatedCaptions } from '@/lib/extract/rules/remove-repeated-captions';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';
import { extractHtml, readFixture } from '../helpers/fixtures';

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('remove-repeated-captions', () => {
  it('keeps one copy of a caption a gallery repeats, and the full copy of a caption a slideshow also prints cut short; short labels may repeat', () => {
    const result = extractHtml(readFixture('rules', 'repeated-captions.html'), 'https://theatre.example/blog/festival-opens/');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    expect(count(text, '2018 Tradition Series Performance at the Welcome Festival')).toBe(1);
    expect(count(text, 'A long row of unsold cars sits at a')).toBe(1);
    expect(text).toContain('A long row of unsold cars sits at a dealership in the city on Sunday.');
    expect(count(text, 'Amazon')).toBe(2);
    expect(text).toContain('The reason we came to the park');
  });

  it('compares the innermost captions, and finds a described-by caption whatever its id holds', () => {
    const scene = 'Crowds gather on the bridge at dawn to watch the parade';
    const doc = parseHtmlDocument(`<html><body><div id="body">
      <div class="caption-wrap"><figcaption>${scene}</figcaption></div>
      <img aria-describedby='say"what\\' src="a.jpg"><p id='say"what\\'>${scene}</p>
      <p>${scene}, in the story's own words.</p></div></body></html>`);
    const root = doc.getElementById('body')!;
    expect(removeRepeatedCaptions.apply({ doc, root, baseUrl: null, metadata: {} as never })).toBe(1);
    expect(doc.querySelector('figcaption')?.textContent).toBe(scene);
    expect(doc.querySelectorAll('p')).toHaveLength(1);
  });
});
