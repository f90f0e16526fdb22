/**
 * How many matches `/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*\/gu` finds in a text, counted without building
 * the array of every word: a word starts at a letter or digit and runs on through letters, digits,
 * combining marks, apostrophes, underscores and hyphens. Each UTF-16 code unit's class is looked up once
 * per page in a table filled as characters are first seen (most texts use a few dozen); characters
 * beyond the BMP are classified by the same property escapes each time (they are rare).
 */
const STARTS_WORD = /^[\p{L}\p{N}]$/u;
const CONTINUES_WORD = /^[\p{L}\p{N}\p{M}'’_-]$/u;

const UNKNOWN = 0;
const OTHER = 1;
const START = 2;
const CONTINUE = 3;

const bmpClasses = new Uint8Array(0x10000);

function classify(character: string): number {
  if (STARTS_WORD.test(character)) return START;
  return CONTINUES_WORD.test(character) ? CONTINUE : OTHER;
}

function bmpClass(code: number): number {
  let found = bmpClasses[code]!;
  if (found === UNKNOWN) {
    // A lone surrogate is no character of any class.
    found = code >= 0xd800 && code <= 0xdfff ? OTHER : classify(String.fromCharCode(code));
    bmpClasses[code] = found;
  }
  return found;
}

export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let kind: number;
    const low = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : NaN;
    if (low >= 0xdc00 && low <= 0xdfff) {
      kind = classify(text.slice(i, i + 2));
      i++;
    } else {
      kind = bmpClass(code);
    }
    if (kind === OTHER) inWord = false;
    else if (kind === START && !inWord) {
      words++;
      inWord = true;
    }
  }
  return words;
}
