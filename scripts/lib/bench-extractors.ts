/**
 * The extractors the quality benchmark compares, each behind the same three steps so the runner treats
 * them alike: a fresh linkedom parse (untimed), the extraction call (the only timed step), and the
 * result as block text (untimed, through the shared html→text helper where the output is HTML).
 */
import { Readability } from '@mozilla/readability';
import { DefuddleClass } from 'defuddle/node';
import { parseHTML } from 'linkedom';
import { htmlToBlockText } from './bench-html-text.ts';

export const EXTRACTOR_NAMES = ['folio', 'readability', 'defuddle'] as const;
export type ExtractorName = (typeof EXTRACTOR_NAMES)[number];

export interface ExtractorText {
  text: string;
  /** 'ok', 'empty' (ran but returned nothing), or the extractor's own failure reason. */
  status: string;
  /** Folio only: its `content` HTML through the shared html→text helper, to check `textContent` is fair. */
  contentText?: string;
}

export interface BenchExtractor {
  name: ExtractorName;
  parse(html: string, url: string): Document;
  extract(doc: Document, url: string): unknown;
  toText(result: unknown): ExtractorText;
}

/** linkedom's `parseHTML`, with the page's address exposed the way a browser document has it. */
export function parseWithLinkedom(html: string, url: string): Document {
  const { document } = parseHTML(html);
  Object.defineProperty(document, 'URL', { value: url, configurable: true });
  Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  return document as unknown as Document;
}

function htmlResult(html: string | null | undefined): ExtractorText {
  const text = htmlToBlockText(html ?? '');
  return { text, status: text ? 'ok' : 'empty' };
}

export function readabilityExtractor(parse = parseWithLinkedom): BenchExtractor {
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
export function defuddleExtractor(parse = parseWithLinkedom): BenchExtractor {
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

interface FolioResultShape {
  ok: boolean;
  reason?: string;
  article?: { textContent: string; content: string };
}

/**
 * Folio's extractor, with the sanitizer on the one shared jsdom window (DOMPurify does not run on
 * linkedom). Loaded lazily so the benchmark still runs the peers while Folio's pipeline is being written.
 */
export async function loadFolioExtractor(parse = parseWithLinkedom): Promise<BenchExtractor | string> {
  const extractModule = '../../lib/extract/index.ts';
  const domModule = './node-dom.ts';
  let extractArticle: (doc: Document, options: { url: string; sanitizerWindow: Window }) => FolioResultShape;
  let sanitizerWindow: Window;
  try {
    const [extract, dom] = await Promise.all([import(extractModule), import(domModule)]);
    extractArticle = extract.extractArticle;
    sanitizerWindow = dom.getSanitizerWindow();
  } catch (error) {
    return `Folio's extractor is not available: ${(error as Error).message.split('\n')[0]}`;
  }
  return {
    name: 'folio',
    parse,
    extract: (doc, url) => extractArticle(doc, { url, sanitizerWindow }),
    toText(result) {
      const folio = result as FolioResultShape | null;
      if (!folio?.ok || !folio.article) return { text: '', status: folio?.reason ?? 'error' };
      const text = folio.article.textContent;
      return { text, status: text ? 'ok' : 'empty', contentText: htmlToBlockText(folio.article.content) };
    },
  };
}
