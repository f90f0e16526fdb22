import { describe, expect, it } from 'vitest';
import { generatedTexts } from './generated-texts';
import { squashedLength, squashedWordCount } from '@/lib/extract/rules/dom-helpers';

/**
 * The counting helpers give what the regular expressions they replace give, for any text: every
 * character `\s` matches, mixed with letters, CJK, astral characters and lone surrogates.
 */
const ALPHABET = [
  'a', 'Z', '7', ',', 'é', '東', '😀', '\ud800', '\u00ad', '\u200b',
  ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
];

describe('squashed text counts', () => {
  it('squashedLength is the length of the text with its whitespace runs made one space and its ends trimmed', () => {
    for (const text of generatedTexts(ALPHABET, 5000, 12345, 24)) expect(squashedLength(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' ').trim().length);
  });

  it('squashedWordCount is how many pieces that squashed text splits into at spaces (none when it is empty)', () => {
    for (const text of generatedTexts(ALPHABET, 5000, 12345, 24)) {
      const squashed = text.replace(/\s+/g, ' ').trim();
      expect(squashedWordCount(text), JSON.stringify(text)).toBe(squashed ? squashed.split(' ').length : 0);
    }
  });
});
