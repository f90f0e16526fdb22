import { describe, expect, it } from 'vitest';
import { MAY_HOLD_CJK, blockText, measureText, readingMinutes, wordCount } from '@/lib/extract/text';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';

describe('blockText', () => {
  it('puts each block on its own line instead of gluing words together', () => {
    const doc = parseHtmlDocument('<html><body><div id="r"><p>first</p><p>second <b>bold</b></p><ul><li>one</li><li>two</li></ul>tail<br>after</div></body></html>');
    expect(blockText(doc.getElementById('r')!)).toBe('first\nsecond bold\none\ntwo\ntail\nafter');
  });

  it('keeps the whitespace of code blocks and skips scripts', () => {
    const doc = parseHtmlDocument('<html><body><div id="r"><pre>  a\n    b</pre><script>x()</script><p>c</p></div></body></html>');
    expect(blockText(doc.getElementById('r')!)).toBe('  a\n    b\nc');
  });
});

describe('reading time', () => {
  it('counts words at about 230 a minute', () => {
    const size = measureText('word '.repeat(690));
    expect(wordCount(size)).toBe(690);
    expect(readingMinutes(size)).toBe(3);
  });

  it('counts CJK text by characters, at about 500 a minute', () => {
    const size = measureText('日本語の文章です。'.repeat(111));
    expect(size.cjkCharacters).toBe(888);
    expect(readingMinutes(size)).toBe(2);
  });

  it('never says zero minutes', () => {
    expect(readingMinutes(measureText('short'))).toBe(1);
  });
});

describe('the CJK precheck', () => {
  it('holds every character of the four CJK scripts, BMP and astral', () => {
    const cjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
    const missed: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCodePoint(code);
      if (cjk.test(character) && !MAY_HOLD_CJK.test(character)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('is not set off by Latin punctuation, so English text skips the script scan', () => {
    expect(MAY_HOLD_CJK.test('“Quoted” — and ’tis… €5 • café')).toBe(false);
    expect(measureText('東京で会議 was held').cjkCharacters).toBe(5);
  });
});
