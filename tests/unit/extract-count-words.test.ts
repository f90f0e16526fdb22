import { describe, expect, it } from 'vitest';
import { countWords } from '@/lib/extract/count-words';

/** The pattern countWords counts the matches of, without building them. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;
const ALPHABET = [
  'a', 'Z', '7', 'é', 'ß', 'Ж', 'ع', '東', 'あ', '한', '٣', '\u0301', '\u093f', "'", '’', '_', '-', '—', '.', ',', '!',
  ' ', '\n', '\u00a0', '\u200b', '😀', '\u{1d400}', '\u{20000}', '\u{1f1e6}', '\ud800', '\udc00', '\u00ad', '½', '²',
];

/** A deterministic stream of texts (a linear congruential generator): reproducible on every run. */
function* texts(count: number): Generator<string> {
  let seed = 2024;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = next() % 30;
    for (let j = 0; j < length; j++) text += ALPHABET[next() % ALPHABET.length];
    yield text;
  }
}

describe('countWords', () => {
  it('counts what the word pattern matches, for any mix of scripts, marks, joiners, astral characters and lone surrogates', () => {
    for (const text of texts(20_000)) expect(countWords(text), JSON.stringify(text)).toBe(text.match(WORD)?.length ?? 0);
  });

  it('counts a sentence as a reader would', () => {
    expect(countWords("Don't stop-start the well_known 3.5% rally — café naïve")).toBe(9);
  });
});
