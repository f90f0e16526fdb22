import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRange, resolveAnchor } from '@/lib/reading/anchor';
import { editDistance, similarity } from '@/lib/reading/similarity';

const PARAGRAPHS = [
  'The committee met on Tuesday to discuss the budget.',
  'Members disagreed sharply about the cost of the new bridge.',
  'In the end the vote was postponed until spring.',
  'Residents who came to listen left disappointed.',
];
const text = (paragraphs: string[]) => paragraphs.join('\n');

function anchorOf(source: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i += 1) at = source.indexOf(quote, at + 1);
  expect(at).toBeGreaterThanOrEqual(0);
  return describeRange(source, at, at + quote.length);
}

describe('anchoring highlights to text', () => {
  it('describes a range by its quote, context and position', () => {
    const source = text(PARAGRAPHS);
    const anchor = anchorOf(source, 'the cost of the new bridge');
    expect(anchor.selector.exact).toBe('the cost of the new bridge');
    expect(anchor.selector.prefix.endsWith('disagreed sharply about ')).toBe(true);
    expect(anchor.selector.suffix.startsWith('.\nIn the end')).toBe(true);
    expect(source.slice(anchor.position.start, anchor.position.end)).toBe('the cost of the new bridge');
  });

  it('resolves at the stored position when nothing changed', () => {
    const source = text(PARAGRAPHS);
    const anchor = anchorOf(source, 'the vote was postponed');
    expect(resolveAnchor(source, anchor)).toEqual({ ...anchor.position, method: 'position' });
  });

  it('re-anchors after paragraphs are added before the highlight', () => {
    const before = text(PARAGRAPHS);
    const anchor = anchorOf(before, 'the vote was postponed');
    const after = text(['An editor’s note was added at the top of the story.', 'And a second one, longer than the first, about corrections.', ...PARAGRAPHS]);
    const match = resolveAnchor(after, anchor);
    expect(match?.method).toBe('quote');
    expect(after.slice(match!.start, match!.end)).toBe('the vote was postponed');
    expect(match!.start).toBe(after.indexOf('the vote was postponed'));
  });

  it('re-anchors after paragraphs around the highlight are removed', () => {
    const before = text(PARAGRAPHS);
    const anchor = anchorOf(before, 'Residents who came');
    const after = text([PARAGRAPHS[3]!]);
    const match = resolveAnchor(after, anchor);
    expect(match).toMatchObject({ start: 0, end: 'Residents who came'.length });
  });

  it('picks the right one of two identical quotes by its context', () => {
    const source = text(['He said no. Then the phone rang.', 'Later she asked again. He said no. Then he left the room.']);
    const second = anchorOf(source, 'He said no.', 1);
    // Move everything: the stored position now points at neither occurrence.
    const shifted = `Preface.\n${source}`;
    const match = resolveAnchor(shifted, second);
    expect(match?.start).toBe(shifted.lastIndexOf('He said no.'));
    const first = anchorOf(source, 'He said no.', 0);
    expect(resolveAnchor(shifted, first)?.start).toBe(shifted.indexOf('He said no.'));
  });

  it('with equal context on both, picks the occurrence nearest the stored position', () => {
    const source = 'x ab x ab x ab x';
    const anchor = describeRange(source, 7, 9, 0);
    expect(resolveAnchor(`yy${source}`, anchor)?.start).toBe(9);
  });

  it('finds a quote whose words were lightly edited (fuzzy fallback)', () => {
    const before = text(PARAGRAPHS);
    const anchor = anchorOf(before, 'Members disagreed sharply about the cost of the new bridge');
    const after = text([PARAGRAPHS[0]!, 'Members disagreed strongly about the cost of the new bridge.', PARAGRAPHS[2]!, PARAGRAPHS[3]!]);
    const match = resolveAnchor(after, anchor);
    expect(match?.method).toBe('fuzzy');
    expect(after.slice(match!.start, match!.end)).toMatch(/^Members disagreed strongly about the cost of the new bridge\.?$/);
  });

  it('gives up (null) when the passage is gone', () => {
    const anchor = anchorOf(text(PARAGRAPHS), 'the cost of the new bridge');
    expect(resolveAnchor(text([PARAGRAPHS[0]!, PARAGRAPHS[2]!]), anchor)).toBeNull();
    expect(resolveAnchor('', anchor)).toBeNull();
  });

  it('always finds an unchanged quote, wherever text is inserted (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 60 }), fc.string({ minLength: 0, maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (head, tail, which) => {
        const source = text(PARAGRAPHS);
        const quote = PARAGRAPHS[which]!;
        const anchor = anchorOf(source, quote);
        const changed = head + source + tail;
        const match = resolveAnchor(changed, anchor);
        return match !== null && changed.slice(match.start, match.end) === quote;
      }),
    );
  });
});

describe('string similarity', () => {
  it('is the edit distance relative to the longer string', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(similarity('abcd', 'abcd')).toBe(1);
    expect(similarity('abcd', 'abce')).toBe(0.75);
    expect(similarity('', '')).toBe(1);
  });
});
