/**
 * The article-extraction benchmark's metric (Scrapinghub/Zyte `evaluate.py`), ported so Folio's figures
 * are comparable with the published ones. Semantics kept on purpose, including the odd corners:
 * - tokens are Python `\w+` runs: Unicode letters, numbers and `_` (combining marks split words), case kept;
 * - a text becomes the multiset of its 4-token shingles; a text of 1–3 tokens is one shorter shingle,
 *   an empty text has none;
 * - per page, TP/FP/FN over shingles are normalised to sum 1 so long pages weigh no more than short ones;
 * - precision is averaged over pages with a non-empty prediction, recall over pages with a non-empty truth,
 *   and F1 is the harmonic mean of those two means (not a mean of per-page F1s).
 */

export const SHINGLE_SIZE = 4;

/** Python's `re.compile(r'\w+', re.UNICODE)` == letters (L*), numbers (N*) and underscore. */
const WORD_RUN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD_RUN) ?? [];
}

/**
 * Counts of each shingle, keyed by its tokens joined with a space (tokens never contain one).
 * Like the original, a text shorter than `size` tokens still yields one shingle of all its tokens.
 */
export function shingleCounts(tokens: readonly string[], size = SHINGLE_SIZE): Map<string, number> {
  const counts = new Map<string, number>();
  const starts = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < starts; i++) {
    const shingle = tokens.slice(i, i + size);
    if (shingle.length === 0) continue;
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One page's shingle match, normalised so tp + fp + fn = 1 (all 0 when both texts are empty). */
export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

export function matchShingles(truth: string, prediction: string): ShingleMatch {
  const truthCounts = shingleCounts(tokenize(truth));
  const predCounts = shingleCounts(tokenize(prediction));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, t] of truthCounts) {
    const p = predCounts.get(key) ?? 0;
    tp += Math.min(t, p);
    fn += Math.max(0, t - p);
  }
  for (const [key, p] of predCounts) {
    fp += Math.max(0, p - (truthCounts.get(key) ?? 0));
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

/** Per-page precision as the original defines it (a perfect match, including two empty texts, is 1). */
export function pagePrecision({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function pageRecall({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export interface PageScore extends ShingleMatch {
  /** Null when the prediction is empty: such a page is left out of the precision mean. */
  precision: number | null;
  /** Null when the truth is empty: such a page is left out of the recall mean. */
  recall: number | null;
  /** This page's own F1 (0 for an empty prediction); for ranking pages, not part of the aggregate. */
  f1: number;
  /** The prediction's token sequence equals the truth's. */
  exact: boolean;
}

export function scorePage(truth: string, prediction: string): PageScore {
  const match = matchShingles(truth, prediction);
  const precision = match.tp + match.fp > 0 ? pagePrecision(match) : null;
  const recall = match.tp + match.fn > 0 ? pageRecall(match) : null;
  const p = precision ?? 0;
  const r = recall ?? 0;
  const truthTokens = tokenize(truth);
  const predTokens = tokenize(prediction);
  const exact =
    truthTokens.length === predTokens.length && truthTokens.every((token, i) => token === predTokens[i]);
  return { ...match, precision, recall, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, exact };
}

export interface AggregateScore {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  pages: number;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function aggregateScores(pages: readonly PageScore[]): AggregateScore {
  const precision = mean(pages.flatMap((page) => (page.precision === null ? [] : [page.precision])));
  const recall = mean(pages.flatMap((page) => (page.recall === null ? [] : [page.recall])));
  return {
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    precision,
    recall,
    accuracy: mean(pages.map((page) => (page.exact ? 1 : 0))),
    pages: pages.length,
  };
}

/** Scores a whole prediction set the way `evaluate.py` does: every truth id must have a prediction. */
export function scoreAll(
  truth: ReadonlyMap<string, string>,
  predictions: ReadonlyMap<string, string>,
): { aggregate: AggregateScore; pages: Map<string, PageScore> } {
  const pages = new Map<string, PageScore>();
  for (const [id, text] of truth) pages.set(id, scorePage(text, predictions.get(id) ?? ''));
  return { aggregate: aggregateScores([...pages.values()]), pages };
}
