/**
 * A deterministic stream of texts made of `alphabet`'s pieces (a linear congruential generator), the
 * same on every run: for tests that compare a hand-written counter with the pattern it replaces.
 */
export function* generatedTexts(alphabet: readonly string[], count: number, seed: number, maxPieces = 30): Generator<string> {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < count; i++) {
    let text = '';
    const pieces = next() % maxPieces;
    for (let j = 0; j < pieces; j++) text += alphabet[next() % alphabet.length];
    yield text;
  }
}
