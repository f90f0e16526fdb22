/**
 * The extractors the quality benchmark compares in Node, each behind the same two steps so the runner
 * treats them alike: a fresh linkedom parse (untimed) and the extraction call (the only timed step).
 * Their results become block text here, in Node, for both modes (`outputText`): the browser mode
 * (scripts/bench-browser/) runs the same calls on Chromium's DOM and sends back the same output.
 */
import { Readability } from '@mozilla/readability';
import { DefuddleClass } from 'defuddle/node';
import { extractArticle, type ExtractOptions } from '../../lib/extract/index.ts';
import type { ExtractorName, ExtractorOutput } from './bench-extractor-output.ts';
import { htmlToBlockText } from './bench-html-text.ts';
import type { ExtractorSteps } from './bench-timed-extraction.ts';
import { getSanitizerWindow, parseHtmlDocument } from './node-dom.ts';

export { EXTRACTOR_NAMES, type ExtractorName } from './bench-extractor-output.ts';

export interface ExtractorText {
  text: string;
  /** 'ok', 'empty' (ran but returned nothing), or the extractor's own failure reason. */
  status: string;
  /** Folio only: its `content` HTML through the shared html→text helper, to check `textContent` is fair. */
  contentText?: string;
  /** Folio only: what "show it anyway" would show when it refused the page. */
  bestEffortText?: string;
}

export interface BenchExtractor extends ExtractorSteps<Document> {
  name: ExtractorName;
}

/** Every extractor parses with the same function: linkedom's `parseHTML`, with the page's address set. */
export const parseForBench: (html: string, url: string) => Document = parseHtmlDocument;

/** An extractor's output as the scorer reads it: block text through the shared html→text helper, except Folio's own text. */
export function outputText(output: ExtractorOutput): ExtractorText {
  if (output.status !== 'ok') return { text: '', status: output.status, bestEffortText: output.bestEffortText ?? '' };
  if (output.text !== undefined) {
    // Folio's textContent is already one block a line; its content through the shared helper is the check.
    return { text: output.text, status: output.text ? 'ok' : 'empty', contentText: htmlToBlockText(output.html) };
  }
  const text = htmlToBlockText(output.html);
  return { text, status: text ? 'ok' : 'empty' };
}

export function readabilityExtractor(parse = parseForBench): BenchExtractor {
  return {
    name: 'readability',
    parse,
    extract: (doc) => new Readability(doc).parse(),
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
  };
}

/**
 * Folio's extractor, with the sanitizer on the one shared jsdom window (DOMPurify does not run on linkedom).
 * `debug` adds the pipeline's per-step timings (bench:folio-steps); bench:quality times it without.
 */
export function folioExtractor(
  parse = parseForBench,
  { debug = false, bodyChooser }: { debug?: boolean; bodyChooser?: ExtractOptions['bodyChooser'] } = {},
): BenchExtractor {
  const sanitizerWindow = getSanitizerWindow();
  return {
    name: 'folio',
    parse,
    extract: (doc, url) => extractArticle(doc, { url, sanitizerWindow, ownsDocument: true, debug, ...(bodyChooser ? { bodyChooser } : {}) }),
  };
}
