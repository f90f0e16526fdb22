import { describe, expect, it } from 'vitest';
import { MAY_HOLD_CJK, blockText, blockTextAsLine, measureText, readingMinutes, wordCount } from '@/lib/extract/text';
import { getSanitizerWindow, parseHtmlDocument } from '@/scripts/lib/node-dom';
import { generatedTexts } from './generated-texts';

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

describe('blockTextAsLine', () => {
  /** Markup and text pieces: blocks, inline elements, code, unshown elements, and whitespace \\s and trim() treat alike or not. */
  const PIECES = [
    'word', 'a', ',', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u2028',
    '<p>', '</p>', '<div>', '</div>', '<span>', '</span>', '<b>', '</b>', '<li>', '<br>', '<hr>', '<td>', '<table>',
    '<pre>', '</pre>', '<script>x  y</script>', '<style>p{}</style>', '<template>t</template>', '<noscript>n</noscript>', '<!-- c -->',
  ];

  it('is blockText squashed to one line, on generated markup in both Node DOMs', () => {
    const parsers = [
      (html: string) => parseHtmlDocument(html),
      (html: string) => new (getSanitizerWindow() as Window & typeof globalThis).DOMParser().parseFromString(html, 'text/html'),
    ];
    for (const parse of parsers) {
      for (const markup of generatedTexts(PIECES, 1500, 7, 40)) {
        const root = parse(`<html><body><section id="r">${markup}</section></body></html>`).getElementById('r')!;
        expect(blockTextAsLine(root), JSON.stringify(markup)).toBe(blockText(root).replace(/\s+/g, ' ').trim());
      }
    }
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
