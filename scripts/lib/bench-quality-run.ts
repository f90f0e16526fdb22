/**
 * The quality benchmark's run, the same in both modes: warm every extractor up on the first pages
 * (untimed, unrecorded), then every page with every extractor in an order that rotates page by page
 * (so none always runs first, with cold caches or another's garbage to collect), each extraction
 * scored in Node as it comes back. Where the extractions run is the host's business.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { BenchPage } from './bench-dataset.ts';
import type { ExtractorName } from './bench-extractor-output.ts';
import type { ExtractOptions } from '../../lib/extract/index.ts';
import { defuddleExtractor, folioExtractor, readabilityExtractor, type BenchExtractor } from './bench-extractors.ts';
import { QualityTally } from './bench-quality-results.ts';
import { measureExtraction, type MeasuredExtraction } from './bench-timed-extraction.ts';

/** Where the extractions run: this Node process on linkedom, or a Chromium page (scripts/bench-browser/). */
export interface BenchHost {
  /** The browser's name and version, or null when the extractors run in Node. */
  browserVersion: string | null;
  extract(name: ExtractorName, html: string, url: string): Promise<MeasuredExtraction>;
  close(): Promise<void>;
}

type BodyChooser = ExtractOptions['bodyChooser'];

const NODE_EXTRACTORS: Record<ExtractorName, (bodyChooser: BodyChooser) => BenchExtractor> = {
  folio: (bodyChooser) => folioExtractor(undefined, { bodyChooser }),
  readability: () => readabilityExtractor(),
  defuddle: () => defuddleExtractor(),
};

/** `bodyChooser`: Folio's pipeline step 6 (its default when not given). */
export function nodeBenchHost(names: readonly ExtractorName[], bodyChooser?: BodyChooser): BenchHost {
  const extractors = new Map(names.map((name) => [name, NODE_EXTRACTORS[name](bodyChooser)]));
  return {
    browserVersion: null,
    async extract(name, html, url) {
      const extractor = extractors.get(name);
      if (!extractor) throw new Error(`extractor ${name} was not set up`);
      return measureExtraction(name, extractor, html, url);
    },
    close: async () => {},
  };
}

/** The items in a different order on each page: page k starts with item k (mod the count). */
export function rotated<T>(items: readonly T[], by: number): T[] {
  const k = items.length ? by % items.length : 0;
  return [...items.slice(k), ...items.slice(0, k)];
}

export interface QualityRunOptions {
  pages: readonly BenchPage[];
  names: readonly ExtractorName[];
  /** How many of the first pages each extractor runs on before anything is timed. */
  warmup: number;
  host: BenchHost;
  readHtml(page: BenchPage): string;
  /** The extractor the --worst report is about. */
  worstTarget?: ExtractorName;
}

export interface QualityRun {
  tally: QualityTally;
  warmupPages: number;
  warmupMs: number;
  runMs: number;
  peakRssMiB: number;
}

export async function runQualityBench({ pages, names, warmup, host, readHtml, worstTarget }: QualityRunOptions): Promise<QualityRun> {
  // Warm-up: let the JIT compile every extractor's hot paths before anything is timed.
  const warmupPages = pages.slice(0, warmup);
  const warmupStart = performance.now();
  for (const page of warmupPages) {
    const html = readHtml(page);
    for (const name of names) await host.extract(name, html, page.url);
    await yieldToEventLoop();
  }
  const warmupMs = performance.now() - warmupStart;

  const tally = new QualityTally(names, worstTarget);
  let peakRss = process.memoryUsage().rss;
  const runStart = performance.now();
  for (const [index, page] of pages.entries()) {
    const html = readHtml(page);
    const record = tally.startPage(page);
    for (const name of rotated(names, index)) tally.add(page, record, name, await host.extract(name, html, page.url));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    // Let timers and finalizers run between pages. Memory is bounded by the heap limit set in package.json:
    // forcing a full GC here instead made every extraction 2–4× slower (V8 then drops compiled code).
    await yieldToEventLoop();
  }
  const runMs = performance.now() - runStart;
  return { tally, warmupPages: warmupPages.length, warmupMs, runMs, peakRssMiB: Math.round(peakRss / 2 ** 20) };
}
