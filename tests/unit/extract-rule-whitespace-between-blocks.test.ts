import { describe, expect, it } from 'vitest';
import { dropWhitespaceBetweenBlocks } from '@/lib/extract/rules/drop-whitespace-between-blocks';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';
import { blockText } from '@/lib/extract/text';

function applyTo(html: string) {
  const doc = parseHtmlDocument(`<html><body><div id="b">${html}</div></body></html>`);
  const root = doc.getElementById('b')!;
  const textBefore = blockText(root);
  const changed = dropWhitespaceBetweenBlocks.apply({ doc, root, baseUrl: null, metadata: {} as never });
  // Reading the markup back, to compare it.
  // eslint-disable-next-line no-restricted-properties
  return { changed, html: root.innerHTML, textBefore, textAfter: blockText(root) };
}

describe('drop-whitespace-between-blocks', () => {
  it('drops the indentation between blocks and at a block\'s edges', () => {
    const result = applyTo('\n  <p>One</p>\n  <div>\n    <p>Two</p>\n  </div>\n  <ul>\n    <li>Three</li>\n  </ul>\n');
    expect(result.html).toBe('<p>One</p><div><p>Two</p></div><ul><li>Three</li></ul>');
    expect(result.changed).toBe(8);
    expect(result.textAfter).toBe(result.textBefore);
  });

  it('keeps whitespace that a line of text runs through, in preformatted text, and no-break spaces', () => {
    const kept = [
      '<p>country<span> </span>and more</p>',
      '<p><a href="/a">one</a> <a href="/b">two</a></p>',
      '<p>Text</p> <b>bold</b>',
      '<pre>\n<div>a</div>\n<div>b</div>\n</pre>',
      '<p>One</p>\u00a0<p>Two</p>',
      '<figure><img src="a.png"> <figcaption>Caption</figcaption></figure>',
    ];
    for (const html of kept) {
      const result = applyTo(html);
      expect(result.changed, html).toBe(0);
      expect(result.textAfter, html).toBe(result.textBefore);
    }
  });
});
