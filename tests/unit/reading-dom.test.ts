import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { describeRange, resolveAnchor } from '@/lib/reading/anchor';
import { HIGHLIGHT_ID_ATTRIBUTE, clearHighlights, paintHighlights } from '@/lib/reading/paint-highlights';
import { buildTextIndex, offsetsOfRange, slicesForRange } from '@/lib/reading/text-index';

function body(html: string): HTMLElement {
  const { document } = new JSDOM(`<!doctype html><html><body><div id="root">${html}</div></body></html>`).window;
  return document.getElementById('root') as HTMLElement;
}

describe('the text index', () => {
  it('maps offsets to text-node pieces and DOM points back to offsets', () => {
    const root = body('<p>Hello <em>brave</em> new</p><p>world</p>');
    const index = buildTextIndex(root);
    expect(index.text).toBe('Hello brave newworld');
    const slices = slicesForRange(index, 3, 13);
    expect(slices.map((slice) => slice.node.data.slice(slice.from, slice.to))).toEqual(['lo ', 'brave', ' n']);
    const em = root.querySelector('em')!;
    expect(offsetsOfRange(index, { startContainer: em.firstChild!, startOffset: 1, endContainer: root.querySelectorAll('p')[1]!.firstChild!, endOffset: 3 })).toEqual({ start: 7, end: 18 });
    // Element boundary points: before the <em> and after the last child of the first paragraph.
    const p = root.querySelector('p')!;
    expect(offsetsOfRange(index, { startContainer: p, startOffset: 1, endContainer: p, endOffset: 3 })).toEqual({ start: 6, end: 15 });
  });

  it('returns null for a range outside the root or an empty one', () => {
    const root = body('<p>Text</p>');
    const index = buildTextIndex(root);
    const other = root.ownerDocument.createTextNode('elsewhere');
    expect(offsetsOfRange(index, { startContainer: other, startOffset: 0, endContainer: other, endOffset: 3 })).toBeNull();
    const text = root.querySelector('p')!.firstChild!;
    expect(offsetsOfRange(index, { startContainer: text, startOffset: 2, endContainer: text, endOffset: 2 })).toBeNull();
  });
});

describe('painting highlights', () => {
  it('wraps a range that crosses elements in marks and leaves the text unchanged', () => {
    const root = body('<p>Hello <em>brave</em> new</p><p>world</p>');
    const before = root.textContent;
    const painted = paintHighlights(root, [{ id: 'h1', start: 3, end: 18, color: 'yellow' }]);
    expect(painted.get('h1')!.map((mark) => mark.textContent)).toEqual(['lo ', 'brave', ' new', 'wor']);
    expect(root.querySelector('em > mark')?.textContent).toBe('brave');
    expect(root.textContent).toBe(before);
    expect(root.querySelectorAll(`mark[${HIGHLIGHT_ID_ATTRIBUTE}="h1"][data-color="yellow"]`)).toHaveLength(4);
  });

  it('paints overlapping highlights and clears one or all, restoring the original nodes', () => {
    const root = body('<p>one two three four</p>');
    const html = root.outerHTML;
    paintHighlights(root, [
      { id: 'a', start: 0, end: 7, color: 'yellow' },
      { id: 'b', start: 4, end: 13, color: 'green' },
    ]);
    expect(Array.from(root.querySelectorAll('mark')).map((mark) => `${mark.getAttribute(HIGHLIGHT_ID_ATTRIBUTE)}:${mark.textContent}`)).toEqual(['a:one two', 'b:two', 'b: three']);
    // The overlap nests: b's first piece sits inside a's mark.
    expect(root.querySelector('mark[data-highlight-id="a"] > mark[data-highlight-id="b"]')?.textContent).toBe('two');
    clearHighlights(root, 'a');
    expect(root.querySelectorAll('mark')).toHaveLength(2);
    clearHighlights(root);
    expect(root.outerHTML).toBe(html);
    expect(root.querySelector('p')!.childNodes).toHaveLength(1);
  });

  it('re-anchors a stored highlight in a re-extracted article with a paragraph added above', () => {
    const first = body('<p>Intro.</p><p>The key finding is <strong>surprising</strong> indeed.</p>');
    const index = buildTextIndex(first);
    const start = index.text.indexOf('key finding is surprising');
    const anchor = describeRange(index.text, start, start + 'key finding is surprising'.length);
    const second = body('<p>Update: corrected a date.</p><p>Intro.</p><p>The key finding is <strong>surprising</strong> indeed.</p>');
    const match = resolveAnchor(buildTextIndex(second).text, anchor)!;
    paintHighlights(second, [{ id: 'h', start: match.start, end: match.end, color: 'blue' }]);
    expect(Array.from(second.querySelectorAll('mark')).map((mark) => mark.textContent).join('')).toBe('key finding is surprising');
  });
});
