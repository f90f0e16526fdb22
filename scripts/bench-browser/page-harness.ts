/**
 * The quality benchmark's page side, bundled and run in one headless Chromium page by
 * scripts/bench-browser/chromium-bench-host.ts: the same three extractors as the Node mode, on the
 * browser's own DOM. Each extraction gets a fresh document from this page's DOMParser (inert: nothing
 * runs or loads), with the page's address as its base, as Folio's saves, library downloads and
 * offscreen reader parse a page (lib/extract-service/extract-html.ts); Folio's sanitizer runs on this
 * page's window, as in the extension. Readability and Defuddle are their published browser builds.
 */
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { parseInert } from '../../lib/dom/parse-inert.ts';
import { extractArticle } from '../../lib/extract/index.ts';
import { resolveAgainstPage } from '../../lib/extract-service/extract-html.ts';
import type { ExtractorName } from '../lib/bench-extractor-output.ts';
import { folioRun, type FolioRun } from '../lib/folio-run-output.ts';
import { measureExtraction, type ExtractorSteps, type MeasuredExtraction } from '../lib/bench-timed-extraction.ts';

function parse(html: string, url: string): Document {
  const doc = parseInert(html);
  resolveAgainstPage(doc, url);
  return doc;
}

const EXTRACTORS: Record<ExtractorName, ExtractorSteps<Document>> = {
  // No sanitizerWindow: a DOMParser document has no window, so the sanitizer uses this page's.
  folio: { parse, extract: (doc, url) => extractArticle(doc, { url, ownsDocument: true }) },
  readability: { parse, extract: (doc) => new Readability(doc).parse() },
  // Defuddle reads the document's style sheets and getComputedStyle where it has them (here: no window, so none).
  defuddle: { parse, extract: (doc, url) => new Defuddle(doc, { url, useAsync: false }).parse() },
};

export interface BenchPageApi {
  extract(name: ExtractorName, html: string, url: string): MeasuredExtraction;
  /** bench:folio-steps in this page: Folio alone, given the page as above, with its debug trace when asked. */
  folio(html: string, url: string, debug: boolean): FolioRun;
}

const api: BenchPageApi = {
  extract: (name, html, url) => measureExtraction(name, EXTRACTORS[name], html, url),
  folio: (html, url, debug) => folioRun(extractArticle(parse(html, url), { url, ownsDocument: true, debug })),
};

(globalThis as typeof globalThis & { folioBench?: BenchPageApi }).folioBench = api;
