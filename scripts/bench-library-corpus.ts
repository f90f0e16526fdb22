/**
 * A deterministic synthetic library for benchmarks: pseudo-words drawn with a Zipf distribution (as in
 * real prose, a few words are everywhere and most are rare), so search-index sizes and query costs
 * resemble a real library's.
 */
import type { Article } from '../lib/extract/types';
import type { SafeHtml } from '../lib/sanitize';

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sta', 'vor', 'en', 'tal', 'qui', 'dor', 'pe', 'las', 'nu', 'bri', 'ox', 'sel', 'tu', 'gra', 'fin', 'ho'];

export interface Corpus {
  vocabulary: string[];
  word: () => string;
  random: () => number;
}

export function makeCorpus(seed = 42, vocabularySize = 40_000): Corpus {
  const random = seededRandom(seed);
  const vocabulary = new Set<string>();
  while (vocabulary.size < vocabularySize) {
    const length = 1 + Math.floor(random() * 4);
    let word = '';
    for (let i = 0; i < length; i += 1) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    vocabulary.add(word);
  }
  const words = [...vocabulary];
  // Zipf (s = 1): cumulative weights 1/rank, sampled by binary search.
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i += 1) cumulative[i] = sum += 1 / (i + 1);
  const word = () => {
    const target = random() * sum;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  return { vocabulary: words, word, random };
}

export function syntheticArticle(corpus: Corpus, n: number, meanWords = 1200): Article {
  const { word, random } = corpus;
  const wordCount = Math.max(150, Math.round(meanWords * (0.3 + random() * 1.4)));
  const paragraphs: string[] = [];
  let remaining = wordCount;
  while (remaining > 0) {
    const size = Math.min(remaining, 40 + Math.floor(random() * 80));
    paragraphs.push(Array.from({ length: size }, word).join(' ') + '.');
    remaining -= size;
  }
  const title = Array.from({ length: 4 + Math.floor(random() * 6) }, word).join(' ');
  const site = `site${n % 300}.example`;
  return {
    url: `https://${site}/articles/${n}`,
    title: title.charAt(0).toUpperCase() + title.slice(1),
    byline: null,
    siteName: site,
    siteIcon: null,
    publishedTime: null,
    lang: 'en',
    dir: 'ltr',
    excerpt: paragraphs[0]!.slice(0, 200),
    leadImage: null,
    content: paragraphs.map((p) => `<p>${p}</p>`).join('') as SafeHtml,
    textContent: paragraphs.join('\n'),
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / 238)),
  };
}
