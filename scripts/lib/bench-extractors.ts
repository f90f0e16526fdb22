/**
 * The extractors the quality benchmark compares, each behind the same three steps so the runner treats
 * them alike: a fresh linkedom parse (untimed), the extraction call (the only timed step), and the
 * result as block text (untimed, through the shared html→text helper where the output is HTML).
 */
import { Readability } from '@mozilla/readability';
import { DefuddleClass } from 'defuddle/node';
import { extractArticle, type ExtractResult } from '../../lib/extract/index.ts';
import { htmlToBlockText } from './bench-html-text.ts';
import { getSanitizerWindow, parseHtmlDocument } from './node-dom.ts';

export const EXTRACTOR_NAMES = ['folio', 'readability', 'defuddle'] as const;
export type ExtractorName = (typeof EXTRACTOR_NAMES)[number];

export interface ExtractorText {
  text: string;
  /** 'ok', 'empty' (ran but returned nothing), or the extractor's own failure reason. */
  status: string;
  /** Folio only: its `content` HTML through the shared html→text helper, to check `textContent` is fair. */
  contentText?: string;
  /** Folio only: what "show it anyway" would show when it refused the page. */
  bestEffortText?: string;
}

export interface BenchExtractor {
  name: ExtractorName;
  parse(html: string, url: string): Document;
  extract(doc: Document, url: string): unknown;
  toText(result: unknown): ExtractorText;
}

/** Every extractor parses with the same function: linkedom's `parseHTML`, with the page's address set. */
export const parseForBench: (html: string, url: string) => Document = parseHtmlDocument;

function htmlResult(html: string | null | undefined): ExtractorText {
  const text = htmlToBlockText(html ?? '');
  return { text, status: text ? 'ok' : 'empty' };
}

export function readabilityExtractor(parse = parseForBench): BenchExtractor {
  return {
    name: 'readability',
    parse,
    extract: (doc) => new Readability(doc).parse(),
    toText: (result) => htmlResult((result as { content?: string | null } | null)?.content),
  };
}

/**
 * Defuddle's Node entry accepts any Document; when it parses a string itself it gives linkedom an empty
 * `styleSheets` and a stub `getComputedStyle`, so its document gets the same here (set before timing).
 * `useAsync: false`: never reach out to third-party APIs from a benchmark.
 */
export function defuddleExtractor(parse = parseForBench): BenchExtractor {
  return {
    name: 'defuddle',
    parse(html, url) {
      const doc = parse(html, url) as Document & { styleSheets?: unknown };
      if (!doc.styleSheets) Object.defineProperty(doc, 'styleSheets', { value: [], configurable: true });
      const view = doc.defaultView as (Window & { getComputedStyle?: unknown }) | null;
      if (view && typeof view.getComputedStyle !== 'function') {
        Object.defineProperty(view, 'getComputedStyle', { value: () => ({ display: '' }), configurable: true });
      }
      return doc;
    },
    extract: (doc, url) => new DefuddleClass(doc, { url, useAsync: false }).parse(),
    toText: (result) => htmlResult((result as { content?: string } | null)?.content),
  };
}

/** Folio's extractor, with the sanitizer on the one shared jsdom window (DOMPurify does not run on linkedom). */
export function folioExtractor(parse = parseForBench): BenchExtractor {
  const sanitizerWindow = getSanitizerWindow();
  return {
    name: 'folio',
    parse,
    extract: (doc, url) => extractArticle(doc, { url, sanitizerWindow, ownsDocument: true }),
    toText(result) {
      const folio = result as ExtractResult;
      if (!folio.ok) return { text: '', status: folio.reason, bestEffortText: folio.bestEffort?.textContent ?? '' };
      // Its textContent is already one block a line; its content through the shared helper is the check.
      const text = folio.article.textContent;
      return { text, status: text ? 'ok' : 'empty', contentText: htmlToBlockText(folio.article.content) };
    },
  };
}
