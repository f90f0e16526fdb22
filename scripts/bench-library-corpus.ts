/**
 * The library benchmarks' articles, made from the article-extraction benchmark's real pages (181 news
 * and blog pages, ../shared/datasets/article-extraction-benchmark): each page is read by Folio's own
 * extractor in Node (lib/extract on linkedom, the sanitizer on jsdom, as `npm run extract` does), so
 * bodies, their sizes and their words are what a real library holds.
 *
 * 10,000 articles need about 55 of each page. Copy 0 of a page is its extraction as is; copy k ≥ 1 is
 * varied so the library is not 55 identical texts (which would make every word's document frequency a
 * multiple of 55 and every search hit come in bunches of identical bodies):
 * - body: the page's top-level blocks rotated by k, and every (2 + k mod 4)-th block swapped for the
 *   block at the same place of another page (page + 7k): the same size and kind of text, in a
 *   different mix;
 * - title: the first half of the page's title and the second half of another page's (page + k),
 *   with a number only if that pair was already used, so every title is distinct;
 * - address: the page's own, with `/copy-K` appended to its path (distinct, and no tracking parameter
 *   for the URL normalisation to fold).
 * Deterministic: the n-th article is the same on every run.
 */
import { parseHTML } from 'linkedom';
import type { Article } from '../lib/extract/types';
import { extractArticle } from '../lib/extract/index';
import { tokenize } from '../lib/library/search/tokenize';
import type { SafeHtml } from '../lib/sanitize';
import { loadGroundTruth, readPageHtml } from './lib/bench-dataset';
import { getSanitizerWindow, parseHtmlDocument } from './lib/node-dom';

export const DEFAULT_DATASET = '../shared/datasets/article-extraction-benchmark';

interface Block {
  html: string;
  text: string;
}

interface SourcePage {
  article: Article;
  blocks: Block[];
}

export interface BenchCorpus {
  /** How many dataset pages extracted (the others are skipped, and counted). */
  pages: number;
  skipped: number;
  extractMs: number;
  /** The n-th article of the library (n from 0). */
  article(n: number): Article;
  /** Words of the base pages, most common first (by how many pages contain them). */
  wordsByFrequency: string[];
}

/** The top-level blocks of an extracted body (under any single wrappers), with their text. */
function splitBlocks(content: string): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  let container: Element = document.body;
  // Descend through wrappers (Readability's page div, an <article>): one wrapper child and no text of its own.
  for (;;) {
    const only = container.children.length === 1 ? container.firstElementChild! : null;
    const ownText = [...container.childNodes].some((node) => node.nodeType === 3 && (node.textContent ?? '').trim() !== '');
    if (!only || ownText || !/^(DIV|ARTICLE|SECTION|MAIN)$/.test(only.tagName)) break;
    container = only;
  }
  return [...container.children].map((element) => ({ html: element.outerHTML, text: (element.textContent ?? '').replace(/\s+/g, ' ').trim() }));
}

function extractPages(datasetDir: string): { pages: SourcePage[]; skipped: number } {
  const sanitizerWindow = getSanitizerWindow();
  const pages: SourcePage[] = [];
  let skipped = 0;
  for (const { id, url } of loadGroundTruth(datasetDir)) {
    const result = extractArticle(parseHtmlDocument(readPageHtml(datasetDir, id), url), { url, sanitizerWindow, ownsDocument: true });
    const blocks = result.ok ? splitBlocks(result.article.content) : [];
    if (!result.ok || blocks.length === 0 || !result.article.url) {
      skipped += 1;
      continue;
    }
    pages.push({ article: result.article, blocks });
  }
  return { pages, skipped };
}

function halves(title: string): [string, string] {
  const words = title.split(/\s+/);
  const middle = Math.max(1, Math.ceil(words.length / 2));
  return [words.slice(0, middle).join(' '), words.slice(middle).join(' ')];
}

function copyAddress(url: string, copy: number): string {
  if (copy === 0) return url;
  const address = new URL(url);
  address.pathname = `${address.pathname.replace(/\/$/, '')}/copy-${copy}`;
  return address.href;
}

/** Extracts the dataset's pages once and returns the library made from them. */
export function loadBenchCorpus(datasetDir = DEFAULT_DATASET, maxArticles = 20_000): BenchCorpus {
  const started = performance.now();
  const { pages, skipped } = extractPages(datasetDir);
  const extractMs = performance.now() - started;
  if (pages.length === 0) throw new Error(`no page of ${datasetDir} extracted: is the dataset there?`);
  const count = pages.length;

  const seenTitles = new Set<string>();
  const titles: string[] = [];
  for (let n = 0; n < maxArticles; n += 1) {
    const page = n % count;
    const copy = Math.floor(n / count);
    let title = pages[page]!.article.title;
    if (copy > 0) {
      const [first] = halves(title);
      const [, second] = halves(pages[(page + copy) % count]!.article.title);
      title = `${first} ${second}`.trim();
    }
    if (seenTitles.has(title)) title = `${title} (${copy + 1})`;
    seenTitles.add(title);
    titles.push(title);
  }

  const documentFrequency = new Map<string, number>();
  for (const { article } of pages) for (const word of new Set(tokenize(article.textContent))) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const wordsByFrequency = [...documentFrequency.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);

  const article = (n: number): Article => {
    if (n >= maxArticles) throw new Error(`the corpus was made for ${maxArticles} articles`);
    const page = n % count;
    const copy = Math.floor(n / count);
    const source = pages[page]!;
    let blocks = source.blocks;
    if (copy > 0) {
      const other = pages[(page + 7 * copy) % count]!.blocks;
      const every = 2 + (copy % 4);
      blocks = blocks.map((_, i) => {
        const at = (i + copy) % blocks.length;
        return i % every === 1 ? other[at % other.length]! : blocks[at]!;
      });
    }
    const textContent = blocks.map((block) => block.text).filter(Boolean).join('\n');
    const wordCount = textContent.split(/\s+/).filter(Boolean).length;
    return {
      ...source.article,
      url: copyAddress(source.article.url!, copy),
      title: titles[n]!,
      excerpt: copy === 0 ? source.article.excerpt : (blocks.find((block) => block.text)?.text.slice(0, 200) ?? null),
      content: blocks.map((block) => block.html).join('') as SafeHtml,
      textContent,
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / 238)),
    };
  };
  return { pages: count, skipped, extractMs, article, wordsByFrequency };
}
