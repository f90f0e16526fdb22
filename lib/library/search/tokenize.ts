/** Words for the search indexes: letters and digits in any script, lower-cased, accents folded. */
const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const MAX_TERM_LENGTH = 40;

export function foldTerm(word: string): string {
  const lower = word.toLowerCase();
  // Only decompose when there is something to fold: most words are plain ASCII.
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower;
}

export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (word.length <= MAX_TERM_LENGTH) terms.push(foldTerm(word));
  }
  return terms;
}

/** The distinct terms of a text (the body index records presence, not counts). */
export function distinctTerms(text: string): Set<string> {
  return new Set(tokenize(text));
}
