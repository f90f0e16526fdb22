import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { resolveAnchor } from '@/lib/reading/anchor';
import { findInArticle, rangeOfMatch } from '@/lib/reading/find-in-article';
import { MAX_MATCHES, findInText, foldForSearch, matchCountLabel, stepMatch } from '@/lib/reading/find-in-text';
import { FIND_CURRENT_HIGHLIGHT, FIND_HIGHLIGHT, FIND_MARK_CLASS, createFindPainter, type HighlightApi } from '@/lib/reading/paint-find';
import { MARK_CLASS, clearHighlights, paintHighlights } from '@/lib/reading/paint-highlights';
import { buildTextIndex } from '@/lib/reading/text-index';

function body(html: string): HTMLElement {
  const { document } = new JSDOM(`<!doctype html><html><body><div id="root">${html}</div></body></html>`).window;
  return document.getElementById('root') as HTMLElement;
}

const found = (text: string, query: string) => findInText(text, query).map((match) => text.slice(match.start, match.end));

describe('finding text', () => {
  it('ignores case and accents, and any whitespace run matches one space', () => {
    expect(found('Café society. CAFE au lait; cafe\n\tcrème', 'cafe')).toEqual(['Café', 'CAFE', 'cafe']);
    expect(found('one  two\nthree two\u00a0three', 'two three')).toEqual(['two\nthree', 'two\u00a0three']);
    expect(found('Straße', 'STRASSE')).toEqual([]);
  });

  it('finds non-overlapping matches in order; an empty or blank query finds nothing', () => {
    expect(findInText('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findInText('text', '')).toEqual([]);
    expect(findInText('text', '   ')).toEqual([]);
  });

  it('treats regular-expression characters in the query as text', () => {
    expect(found('cost (in $) is 3.5 * x', '(in $)')).toEqual(['(in $)']);
    expect(found('a.b axb', 'a.b')).toEqual(['a.b']);
  });

  it('stops at the match limit', () => {
    expect(findInText('a'.repeat(MAX_MATCHES + 50), 'a')).toHaveLength(MAX_MATCHES);
  });

  it('folds any text to a string of the same length, so offsets stay those of the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(foldForSearch(text)).toHaveLength(text.length);
      }),
    );
  });

  it('every match is the query, folded, at the offsets it reports', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'é', ' ', '\n', 'x') }), fc.string({ unit: fc.constantFrom('a', 'b', 'e'), minLength: 1, maxLength: 3 }), (text, query) => {
        for (const match of findInText(text, query)) expect(foldForSearch(text.slice(match.start, match.end))).toBe(foldForSearch(query));
      }),
    );
  });

  it('counts as "3 of 12" and steps with wrap-around', () => {
    expect(matchCountLabel(2, 12, 'bridge')).toBe('3 of 12');
    expect(matchCountLabel(0, 0, 'bridge')).toBe('No matches');
    expect(matchCountLabel(0, 0, '')).toBe('');
    expect(matchCountLabel(0, MAX_MATCHES, 'e')).toBe(`1 of ${MAX_MATCHES}+`);
    expect(stepMatch(11, 12, 1)).toBe(0);
    expect(stepMatch(0, 12, -1)).toBe(11);
    expect(stepMatch(0, 0, 1)).toBe(0);
  });
});

describe('finding in the rendered article', () => {
  it('finds words split across inline elements, and not across paragraphs', () => {
    const root = body('<p>The <em>sus</em>pension <a href="#">bridge</a> held.</p><p>bridge</p><p>held</p>');
    const index = buildTextIndex(root);
    const texts = (query: string) => findInArticle(root, query).map((match) => rangeOfMatch(index, match)?.toString());
    expect(texts('suspension bridge')).toEqual(['suspension bridge']);
    expect(texts('bridge')).toEqual(['bridge', 'bridge']);
    // "bridgeheld" runs from the second paragraph into the third in the flat text: not a match.
    expect(texts('bridgeheld')).toEqual([]);
    expect(texts('held')).toEqual(['held', 'held']);
  });

  it('paints with the Custom Highlight API without touching the DOM, the current match apart', () => {
    const root = body('<p>One bridge, <strong>two bri</strong>dges, three bridges.</p>');
    const before = root.outerHTML;
    const registry = new Map<string, Range[]>();
    const api: HighlightApi = { registry: { set: (name, value) => registry.set(name, value as Range[]), delete: (name) => registry.delete(name) }, create: (...ranges) => ranges };
    const painter = createFindPainter(root, api);
    expect(painter.kind).toBe('css-highlight');
    painter.paint(findInArticle(root, 'bridge'), 1);
    expect(registry.get(FIND_HIGHLIGHT)?.map(String)).toEqual(['bridge', 'bridge']);
    expect(registry.get(FIND_CURRENT_HIGHLIGHT)?.map(String)).toEqual(['bridge']);
    expect(registry.get(FIND_CURRENT_HIGHLIGHT)?.[0]?.startContainer.parentElement?.tagName).toBe('STRONG');
    expect(root.outerHTML).toBe(before);
    painter.clear();
    expect(registry.size).toBe(0);
  });

  it('falls back to marks of its own that leave highlights and their anchors alone', () => {
    const root = body('<p>Bridges carry people. Old bridges need care.</p>');
    const text = buildTextIndex(root).text;
    const highlight = { id: 'h1', selector: { exact: 'Old bridges need care', prefix: 'people. ', suffix: '.' }, position: { start: 22, end: 43 } };
    paintHighlights(root, [{ id: 'h1', start: 22, end: 43, color: 'yellow' }]);
    const painter = createFindPainter(root, null);
    expect(painter.kind).toBe('marks');
    painter.paint(findInArticle(root, 'bridges'), 1);
    const marks = Array.from(root.querySelectorAll(`mark.${FIND_MARK_CLASS}`));
    expect(marks.map((mark) => [mark.textContent, mark.getAttribute('data-color')])).toEqual([
      ['Bridges', 'match'],
      ['bridges', 'current'],
    ]);
    // The text is unchanged, so the highlight still anchors where it was; its mark is still there.
    expect(buildTextIndex(root).text).toBe(text);
    expect(resolveAnchor(buildTextIndex(root).text, highlight)).toMatchObject({ start: 22, end: 43 });
    expect(root.querySelector(`mark.${MARK_CLASS}`)?.textContent).toBe('Old bridges need care');
    // Clearing the highlights leaves find's marks, and clearing find leaves the text as it was.
    clearHighlights(root);
    expect(root.querySelectorAll(`mark.${FIND_MARK_CLASS}`)).toHaveLength(2);
    painter.clear();
    expect(root.querySelectorAll('mark')).toHaveLength(0);
    expect(root.outerHTML).toBe('<div id="root"><p>Bridges carry people. Old bridges need care.</p></div>');
  });
});
