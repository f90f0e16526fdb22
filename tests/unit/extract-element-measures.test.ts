import { describe, expect, it } from 'vitest';
import { holdsKeptContent, lineText, matchingLines, standsAlone, textLengthUpTo } from '@/lib/extract/rules/dom-helpers';
import { ElementMeasures } from '@/lib/extract/rules/element-measures';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';

const BODY = `<div id="b"><p>Updated <b>Nov 19, 2019</b></p><p>${'A sentence of the story that goes on for a while. '.repeat(12)}</p>
  <div><span>Follow her on Twitter</span><br><a href="/x">Read more: another story</a></div><figure><img src="a.png"><figcaption>Photo: AP</figcaption></figure></div>`;

describe('ElementMeasures', () => {
  it('gives what the direct measurements give, for every element and limit', () => {
    const root = parseHtmlDocument(`<html><body>${BODY}</body></html>`).getElementById('b')!;
    const measures = new ElementMeasures();
    for (const element of Array.from(root.querySelectorAll('*'))) {
      for (const limit of [0, 20, 140, 400, 1000, 60]) {
        const direct = textLengthUpTo(element, limit);
        const measured = measures.lengthUpTo(element, limit);
        if (direct <= limit) expect(measured).toBe(direct);
        else expect(measured).toBeGreaterThan(limit);
      }
      expect(measures.lineText(element)).toBe(lineText(element));
      expect(measures.holdsKeptContent(element)).toBe(holdsKeptContent(element));
      expect(measures.standsAlone(element)).toBe(standsAlone(element));
    }
  });

  it('finds the same lines as measuring afresh, and measures the body again once told it changed', () => {
    const root = parseHtmlDocument(`<html><body>${BODY}</body></html>`).getElementById('b')!;
    const measures = new ElementMeasures();
    const isShort = (text: string) => text.length < 30;
    expect(matchingLines(root, 320, isShort, measures)).toEqual(matchingLines(root, 320, isShort));
    const first = root.querySelector('p')!;
    expect(measures.lengthUpTo(first, 320)).toBe('Updated Nov 19, 2019'.length);
    first.querySelector('b')!.remove();
    measures.forget();
    expect(measures.lengthUpTo(first, 320)).toBe('Updated'.length);
    expect(matchingLines(root, 320, isShort, measures)).toEqual(matchingLines(root, 320, isShort));
  });

  it('after a removal through it, agrees with measuring afresh on every element left', () => {
    const root = parseHtmlDocument(`<html><body>${BODY}</body></html>`).getElementById('b')!;
    const measures = new ElementMeasures();
    const all = () => Array.from(root.querySelectorAll('*'));
    // Measure everything first, so stale values would be there to find.
    for (const element of all()) {
      measures.lengthUpTo(element, 400);
      measures.lineText(element);
      measures.holdsKeptContent(element);
      measures.standsAlone(element);
    }
    measures.remove(root.querySelector('p b')!);
    measures.remove(root.querySelector('span')!);
    expect(measures.removals).toBe(2);
    for (const element of all()) {
      const direct = textLengthUpTo(element, 400);
      expect(measures.lengthUpTo(element, 400) > 400 ? direct > 400 : measures.lengthUpTo(element, 400) === direct).toBe(true);
      expect(measures.lineText(element)).toBe(lineText(element));
      expect(measures.holdsKeptContent(element)).toBe(holdsKeptContent(element));
      expect(measures.standsAlone(element)).toBe(standsAlone(element));
    }
    expect(measures.lengthUpTo(root.querySelector('p')!, 400)).toBe('Updated'.length);
  });
});

describe('standsAlone', () => {
  const inside = (html: string) => parseHtmlDocument(`<html><body><div>${html}</div></body></html>`).getElementById('x')!;

  it('takes an inline element set off by line breaks as a line, whatever text the lines beside it hold', () => {
    expect(standsAlone(inside('<p>Headline</p><small id="x">05/10/2018 - Posted by: Ana</small><br><br>The story starts here.'))).toBe(true);
    expect(standsAlone(inside('First line of the story<br><a id="x" href="/y">Read more: another story</a><br>Next line'))).toBe(true);
  });

  it('does not take an inline element inside a line of text as one', () => {
    expect(standsAlone(inside('The story starts <b id="x">here</b><br>and goes on.'))).toBe(false);
    expect(standsAlone(inside('<br><b id="x">Note</b> that the story goes on.'))).toBe(false);
  });
});
