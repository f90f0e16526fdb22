import { describe, expect, it } from 'vitest';
import { generatedTexts } from './generated-texts';
import { countWords } from '@/lib/extract/count-words';

/** The pattern countWords counts the matches of, without building them. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;
const ALPHABET = [
  'a', 'Z', '7', 'é', 'ß', 'Ж', 'ع', '東', 'あ', '한', '٣', '\u0301', '\u093f', "'", '’', '_', '-', '—', '.', ',', '!',
  ' ', '\n', '\u00a0', '\u200b', '😀', '\u{1d400}', '\u{20000}', '\u{1f1e6}', '\ud800', '\udc00', '\u00ad', '½', '²',
];

describe('countWords', () => {
  it('counts what the word pattern matches, for any mix of scripts, marks, joiners, astral characters and lone surrogates', () => {
    for (const text of generatedTexts(ALPHABET, 20_000, 2024, 30)) expect(countWords(text), JSON.stringify(text)).toBe(text.match(WORD)?.length ?? 0);
  });

  it('counts a sentence as a reader would', () => {
    expect(countWords("Don't stop-start the well_known 3.5% rally — café naïve")).toBe(9);
  });
});
