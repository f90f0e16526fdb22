import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createReadAloudPlayer, type SpeechUtteranceLike } from '@/lib/reading/read-aloud-player';
import { segmentForSpeech, splitSentences, wordAt } from '@/lib/reading/speech-segments';
import { buildTextIndex } from '@/lib/reading/text-index';

function indexOf(html: string) {
  const { document } = new JSDOM(`<!doctype html><html><body><div id="root">${html}</div></body></html>`).window;
  return buildTextIndex(document.getElementById('root')!);
}

const ARTICLE = `
  <h2>The <em>first</em> part</h2>
  <p>It began in May. Nobody noticed!</p>
  <ul><li>One item</li><li>Another <a href="#x">linked</a> item</li></ul>
  <blockquote><p>A quoted line.</p></blockquote>
  <figure><img src="a.png" alt=""><figcaption>Photo: somebody</figcaption></figure>
  <pre><code>const x = 1;</code></pre>
  <p>The end.</p>`;

describe('read-aloud segments', () => {
  it('speaks headings, paragraphs, list items and quotes in order, skipping captions and code', () => {
    const paragraphs = segmentForSpeech(indexOf(ARTICLE));
    expect(paragraphs.map((p) => [p.kind, p.sentences.map((s) => s.text)])).toEqual([
      ['heading', ['The first part']],
      ['paragraph', ['It began in May.', 'Nobody noticed!']],
      ['list-item', ['One item']],
      ['list-item', ['Another linked item']],
      ['quote', ['A quoted line.']],
      ['paragraph', ['The end.']],
    ]);
  });

  it('does not read footnote references, and a sentence ends before one', () => {
    const paragraphs = segmentForSpeech(indexOf('<p>It was cold.<sup><a href="#user-content-fn1">1</a></sup> Then it snowed<sup><a href="#user-content-fn2">2</a></sup> all night. Water is H<sub>2</sub>O, x<sup>2</sup>.</p>'));
    expect(paragraphs.map((p) => p.sentences.map((s) => s.text))).toEqual([['It was cold.', 'Then it snowed', 'all night.', 'Water is H2O, x2.']]);
  });

  it('speaks captions and code when asked', () => {
    const kinds = segmentForSpeech(indexOf(ARTICLE), { includeCaptions: true, includeCode: true }).map((p) => p.kind);
    expect(kinds).toContain('caption');
    expect(kinds).toContain('code');
  });

  it('the player continues from a heading through a paragraph, list items and a quote to the end, in order, each word mark on its own words', () => {
    for (const extras of [false, true]) {
      const index = indexOf(ARTICLE);
      const paragraphs = segmentForSpeech(index, { includeCaptions: extras, includeCode: extras });
      const spoken: SpeechUtteranceLike[] = [];
      const marks: string[] = [];
      const player = createReadAloudPlayer<string>({
        paragraphs,
        engine: () => ({ speak: (u) => spoken.push(u), cancel: () => undefined, pause: () => undefined, resume: () => undefined }),
        createUtterance: (text) => ({ text, lang: '', rate: 1, voice: null, onstart: null, onend: null, onerror: null, onboundary: null }),
        lang: 'en',
        voice: null,
        rate: 1,
        onMark: (range) => range && marks.push(index.text.slice(range.start, range.end)),
        onChange: () => undefined,
      });
      player.play();
      // The engine finishes each utterance after reporting its last word; nothing is skipped or repeated.
      for (let guard = 0; guard < 20 && player.state.status === 'playing'; guard += 1) {
        const utterance = spoken.at(-1)!;
        const lastWord = utterance.text.lastIndexOf(' ') + 1;
        utterance.onboundary!({ name: 'word', charIndex: lastWord });
        utterance.onend!({});
      }
      expect(player.state.status).toBe('stopped');
      const expected = ['The first part', 'It began in May.', 'Nobody noticed!', 'One item', 'Another linked item', 'A quoted line.', ...(extras ? ['Photo: somebody', 'const x = 1;'] : []), 'The end.'];
      expect(spoken.map((u) => u.text)).toEqual(expected);
      expect(marks).toEqual(expected.map((text) => text.slice(text.lastIndexOf(' ') + 1)));
    }
  });

  it('gives sentence offsets into the article text, so boundary char indexes map back', () => {
    const index = indexOf(ARTICLE);
    for (const paragraph of segmentForSpeech(index)) {
      for (const sentence of paragraph.sentences) expect(index.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
  });

  it('splits sentences at end punctuation followed by space, keeping closing quotes', () => {
    const text = '“Stop.” He did. Version 2.5 is out… Really? Yes';
    expect(splitSentences(text, 0, text.length).map((s) => s.text)).toEqual(['“Stop.”', 'He did.', 'Version 2.5 is out…', 'Really?', 'Yes']);
  });

  it('finds the word at a boundary offset', () => {
    expect(wordAt('read this aloud', 5)).toEqual({ start: 5, end: 9 });
    expect(wordAt('end', 2)).toEqual({ start: 2, end: 3 });
  });
});
