/**
 * Anchoring highlights to article text, in the spirit of the W3C Web Annotation selectors: a
 * TextQuoteSelector (the exact words with a little context either side) plus a TextPositionSelector
 * (character offsets). The position is a hint; the quote decides. So a highlight survives re-extraction,
 * paragraphs added or removed around it, and small edits inside it (fuzzy fallback).
 */
import { similarity } from './similarity';

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPosition {
  start: number;
  end: number;
}

export interface TextAnchor {
  selector: TextQuoteSelector;
  position: TextPosition;
}

export type AnchorMatch = TextPosition & {
  /** How it was found: at its stored position, by its quote (and context), or approximately. */
  method: 'position' | 'quote' | 'fuzzy';
};

/** Characters of context kept either side of the quote. */
export const CONTEXT_LENGTH = 32;
/** How alike an approximate match must be to the stored quote (0..1) to count. */
const MIN_FUZZY_SIMILARITY = 0.75;

export function describeRange(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): TextAnchor {
  return {
    selector: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, end + contextLength),
    },
    position: { start, end },
  };
}

/** Where an anchor lies in `text` now, or null when it cannot be found with confidence. */
export function resolveAnchor(text: string, anchor: TextAnchor): AnchorMatch | null {
  const { selector, position } = anchor;
  if (!selector.exact) return null;
  if (text.slice(position.start, position.end) === selector.exact && contextScore(text, position.start, position.end, selector) >= 0.5) {
    return { ...position, method: 'position' };
  }
  const exact = bestExactOccurrence(text, anchor);
  if (exact) return { ...exact, method: 'quote' };
  const fuzzy = bestFuzzyMatch(text, anchor);
  return fuzzy ? { ...fuzzy, method: 'fuzzy' } : null;
}

/** How well the text around [start, end) agrees with the stored prefix and suffix (0..1). */
function contextScore(text: string, start: number, end: number, selector: TextQuoteSelector): number {
  const before = text.slice(Math.max(0, start - selector.prefix.length), start);
  const after = text.slice(end, end + selector.suffix.length);
  const total = selector.prefix.length + selector.suffix.length;
  if (total === 0) return 1;
  return (commonSuffixLength(before, selector.prefix) + commonPrefixLength(after, selector.suffix)) / total;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

function commonSuffixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i += 1;
  return i;
}

/**
 * Among every place the quote occurs, the one whose context agrees best; ties go to the one nearest the
 * stored position (so of two identical sentences the right one is picked even when context is equal).
 */
function bestExactOccurrence(text: string, { selector, position }: TextAnchor): TextPosition | null {
  let best: { start: number; score: number; distance: number } | null = null;
  for (let at = text.indexOf(selector.exact); at !== -1; at = text.indexOf(selector.exact, at + 1)) {
    const score = contextScore(text, at, at + selector.exact.length, selector);
    const distance = Math.abs(at - position.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  return best ? { start: best.start, end: best.start + selector.exact.length } : null;
}

/**
 * The quote was edited: look for a stretch of about its length that starts like it or ends like it
 * (or follows its prefix / precedes its suffix), and keep the most similar one if it is similar enough.
 */
function bestFuzzyMatch(text: string, { selector, position }: TextAnchor): TextPosition | null {
  const { exact } = selector;
  const probe = Math.min(16, Math.max(4, Math.floor(exact.length / 3)));
  const candidates = new Set<string>();
  const add = (start: number, end: number) => {
    if (start >= 0 && end <= text.length && end > start) candidates.add(`${start}:${end}`);
  };
  const slack = Math.ceil(exact.length * 0.25);
  for (const at of occurrences(text, exact.slice(0, probe))) for (let d = -slack; d <= slack; d += 1) add(at, at + exact.length + d);
  for (const at of occurrences(text, exact.slice(-probe))) for (let d = -slack; d <= slack; d += 1) add(at + probe - exact.length - d, at + probe);
  if (selector.prefix.length >= 8) for (const at of occurrences(text, selector.prefix)) for (let d = -slack; d <= slack; d += 1) add(at + selector.prefix.length, at + selector.prefix.length + exact.length + d);
  if (selector.suffix.length >= 8) for (const at of occurrences(text, selector.suffix)) for (let d = -slack; d <= slack; d += 1) add(at - exact.length - d, at);

  let best: { start: number; end: number; score: number } | null = null;
  for (const key of candidates) {
    const [start, end] = key.split(':').map(Number) as [number, number];
    const quoteScore = similarity(text.slice(start, end), exact);
    if (quoteScore < MIN_FUZZY_SIMILARITY) continue;
    // Context breaks ties between equally similar stretches; nearness to the old position breaks the rest.
    const score = quoteScore + 0.1 * contextScore(text, start, end, selector) - 1e-9 * Math.abs(start - position.start);
    if (!best || score > best.score) best = { start, end, score };
  }
  return best ? { start: best.start, end: best.end } : null;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  // Bounded: a very common probe (a single word) should not make anchoring quadratic.
  for (let at = text.indexOf(needle); at !== -1 && found.length < 200; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}
