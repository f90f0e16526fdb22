/**
 * Extraction quality benchmark: Folio, Readability.js and Defuddle on the article-extraction benchmark's
 * real pages, scored with the benchmark's own metric (scripts/lib/metric.ts), with extraction timings.
 *
 *   npm run bench:quality -- --dataset ../shared/datasets/article-extraction-benchmark
 *     [--out results.json] [--worst N] [--only folio,readability,defuddle] [--limit N] [--warmup N]
 *
 * Fairness: every extractor gets its own fresh linkedom parse of each page (Readability mutates its
 * input), only the extraction call is timed, the extractors take turns in a rotating order page by page
 * (machine noise hits all alike), and HTML outputs become text through one shared helper.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { diagnosePage } from './lib/bench-diagnose.ts';
import { loadGroundTruth, readPageHtml, type BenchPage } from './lib/bench-dataset.ts';
import {
  EXTRACTOR_NAMES,
  defuddleExtractor,
  folioExtractor,
  readabilityExtractor,
  type BenchExtractor,
  type ExtractorName,
  type ExtractorText,
} from './lib/bench-extractors.ts';
import { median, quantile } from './lib/bench-stats.ts';
import { aggregateScores, scorePage, type AggregateScore, type PageScore } from './lib/metric.ts';

interface PageRun {
  f1: number;
  precision: number | null;
  recall: number | null;
  exact: boolean;
  status: string;
  parseMs: number;
  extractMs: number;
  /** Folio only, on a page it refused: the F1 of what "show it anyway" would show. */
  bestEffortF1?: number;
}

interface PageRecord {
  id: string;
  url: string;
  results: Partial<Record<ExtractorName, PageRun>>;
}

interface ExtractorSummary extends AggregateScore {
  medianMs: number;
  p95Ms: number;
  medianParseMs: number;
  /** Median extraction time over Readability's (null when Readability did not run). */
  timeRatioToReadability: number | null;
  /** Pages where the extractor returned nothing or refused. */
  failures: number;
  errors: number;
}

const DEFAULT_DATASET = '../shared/datasets/article-extraction-benchmark';

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, got "${value}"`);
  return n;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: DEFAULT_DATASET },
      out: { type: 'string' },
      worst: { type: 'string' },
      only: { type: 'string' },
      limit: { type: 'string' },
      warmup: { type: 'string', default: '10' },
    },
  });
  const only = (values.only ?? EXTRACTOR_NAMES.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of only) {
    if (!(EXTRACTOR_NAMES as readonly string[]).includes(name)) {
      throw new Error(`--only: unknown extractor "${name}" (known: ${EXTRACTOR_NAMES.join(', ')})`);
    }
  }
  return {
    dataset: values.dataset ?? DEFAULT_DATASET,
    out: values.out,
    worst: positiveInt(values.worst, 'worst') ?? 0,
    only: only as ExtractorName[],
    limit: positiveInt(values.limit, 'limit'),
    warmup: positiveInt(values.warmup, 'warmup') ?? 10,
  };
}

function createExtractors(names: readonly ExtractorName[]): BenchExtractor[] {
  return names.map((name) => {
    if (name === 'folio') return folioExtractor();
    if (name === 'readability') return readabilityExtractor();
    return defuddleExtractor();
  });
}

interface TimedRun {
  output: ExtractorText;
  parseMs: number;
  extractMs: number;
  error?: string;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
let mutedMessages = 0;

/**
 * Extractors log (Defuddle prints a stack for every page with malformed JSON-LD): keep that out of the
 * report, for every extractor alike. Returns the function that restores the console.
 */
function muteConsole(): () => void {
  const saved = CONSOLE_METHODS.map((method) => [method, console[method]] as const);
  for (const method of CONSOLE_METHODS) console[method] = () => void mutedMessages++;
  return () => {
    for (const [method, original] of saved) console[method] = original;
  };
}

function runOnce(extractor: BenchExtractor, page: BenchPage, html: string): TimedRun {
  const parseStart = performance.now();
  const doc = extractor.parse(html, page.url);
  const parseMs = performance.now() - parseStart;
  let result: unknown;
  let error: string | undefined;
  const restoreConsole = muteConsole();
  const extractStart = performance.now();
  try {
    result = extractor.extract(doc, page.url);
  } catch (thrown) {
    error = (thrown as Error)?.message ?? String(thrown);
  }
  const extractMs = performance.now() - extractStart;
  restoreConsole();
  if (error !== undefined) return { output: { text: '', status: 'error' }, parseMs, extractMs, error };
  return { output: extractor.toText(result), parseMs, extractMs };
}

/** The extractors in a different order on each page, so none always runs first (cold caches, GC debt). */
function rotated<T>(items: readonly T[], by: number): T[] {
  const k = items.length ? by % items.length : 0;
  return [...items.slice(k), ...items.slice(0, k)];
}

const fmt = (value: number, digits = 3) => value.toFixed(digits);

function summarise(
  name: ExtractorName,
  scores: PageScore[],
  runs: PageRun[],
  readabilityMedian: number | null,
): ExtractorSummary {
  const extractTimes = runs.map((run) => run.extractMs);
  const medianMs = median(extractTimes);
  return {
    ...aggregateScores(scores),
    medianMs,
    p95Ms: quantile(extractTimes, 0.95),
    medianParseMs: median(runs.map((run) => run.parseMs)),
    timeRatioToReadability: readabilityMedian ? medianMs / readabilityMedian : name === 'readability' ? 1 : null,
    failures: runs.filter((run) => run.status !== 'ok').length,
    errors: runs.filter((run) => run.status === 'error').length,
  };
}

function printTable(summaries: Partial<Record<ExtractorName, ExtractorSummary>>): void {
  const header = ['extractor', 'F1', 'precision', 'recall', 'accuracy', 'median ms', 'p95 ms', '× Readability', 'parse ms', 'failed'];
  const rows = Object.entries(summaries).map(([name, s]) => [
    name,
    fmt(s.f1),
    fmt(s.precision),
    fmt(s.recall),
    fmt(s.accuracy),
    fmt(s.medianMs, 1),
    fmt(s.p95Ms, 1),
    s.timeRatioToReadability === null ? '–' : `${fmt(s.timeRatioToReadability, 2)}×`,
    fmt(s.medianParseMs, 1),
    `${s.failures}${s.errors ? ` (${s.errors} threw)` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function printWorst(
  target: ExtractorName,
  pages: readonly BenchPage[],
  records: readonly PageRecord[],
  texts: ReadonlyMap<string, string>,
  n: number,
): void {
  const ranked = records
    .map((record, index) => ({ record, page: pages[index], run: record.results[target] }))
    .filter((entry): entry is { record: PageRecord; page: BenchPage; run: PageRun } => !!entry.run && !!entry.page)
    .sort((a, b) => a.run.f1 - b.run.f1)
    .slice(0, n);
  console.log(`\nWorst ${ranked.length} pages for ${target} (lowest F1 first):`);
  ranked.forEach(({ page, run }, i) => {
    const p = run.precision === null ? '–' : fmt(run.precision);
    const r = run.recall === null ? '–' : fmt(run.recall);
    console.log(`\n#${i + 1} F1 ${fmt(run.f1)} (P ${p} R ${r}${run.status === 'ok' ? '' : `, ${run.status}`})  ${page.id.slice(0, 12)}  ${page.url}`);
    if (run.bestEffortF1 !== undefined) console.log(`   refused; its best effort scores F1 ${fmt(run.bestEffortF1)} — diagnosis of the best effort:`);
    const diagnosis = diagnosePage(page.articleBody, texts.get(page.id) ?? '');
    const show = (label: string, sample: { count: number; tokenShare: number; samples: string[] }) => {
      if (sample.count === 0) return;
      console.log(`   ${label} ${sample.count} block(s), ${Math.round(sample.tokenShare * 100)}% of its words:`);
      for (const text of sample.samples) console.log(`     · ${text}`);
    };
    show('missed', diagnosis.missed);
    show('added ', diagnosis.added);
  });
}

async function main(): Promise<void> {
  const options = readOptions();
  const allPages = loadGroundTruth(options.dataset);
  const pages = options.limit === undefined ? allPages : allPages.slice(0, options.limit);
  const extractors = createExtractors(options.only);
  if (extractors.length === 0) throw new Error('no extractor to run');
  const worstTarget: ExtractorName | undefined = extractors.some((e) => e.name === 'folio') ? 'folio' : extractors[0]?.name;

  // Warm-up: let the JIT compile every extractor's hot paths before anything is timed.
  const warmupStart = performance.now();
  for (const page of pages.slice(0, options.warmup)) {
    const html = readPageHtml(options.dataset, page.id);
    for (const extractor of extractors) runOnce(extractor, page, html);
    await yieldToEventLoop();
  }
  const warmupMs = performance.now() - warmupStart;

  const records: PageRecord[] = [];
  const scores = new Map<ExtractorName, PageScore[]>(extractors.map((e) => [e.name, []]));
  const contentScores: PageScore[] = [];
  const bestEffortScores: PageScore[] = [];
  const worstTexts = new Map<string, string>();
  const errors: string[] = [];
  let peakRss = process.memoryUsage().rss;
  const runStart = performance.now();

  for (const [index, page] of pages.entries()) {
    const html = readPageHtml(options.dataset, page.id);
    const record: PageRecord = { id: page.id, url: page.url, results: {} };
    for (const extractor of rotated(extractors, index)) {
      const run = runOnce(extractor, page, html);
      const score = scorePage(page.articleBody, run.output.text);
      let bestEffortF1: number | undefined;
      scores.get(extractor.name)?.push(score);
      if (extractor.name === 'folio') {
        const { contentText, bestEffortText } = run.output;
        contentScores.push(contentText === undefined ? score : scorePage(page.articleBody, contentText));
        const bestEffort = bestEffortText === undefined ? score : scorePage(page.articleBody, bestEffortText);
        bestEffortScores.push(bestEffort);
        if (bestEffortText !== undefined) bestEffortF1 = bestEffort.f1;
      }
      // On a refused page, the best effort is what tells detection trouble from extraction trouble.
      if (extractor.name === worstTarget && options.worst > 0) worstTexts.set(page.id, run.output.bestEffortText ?? run.output.text);
      if (run.error) errors.push(`${extractor.name} threw on ${page.id.slice(0, 12)} (${page.url}): ${run.error}`);
      record.results[extractor.name] = {
        f1: score.f1,
        precision: score.precision,
        recall: score.recall,
        exact: score.exact,
        status: run.output.status,
        parseMs: run.parseMs,
        extractMs: run.extractMs,
        ...(bestEffortF1 === undefined ? {} : { bestEffortF1 }),
      };
    }
    records.push(record);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    // Let timers and finalizers run between pages. Memory is bounded by the heap limit set in package.json:
    // forcing a full GC here instead made every extraction 2–4× slower (V8 then drops compiled code).
    await yieldToEventLoop();
  }
  const runMs = performance.now() - runStart;

  const runsOf = (name: ExtractorName) => records.flatMap((record) => (record.results[name] ? [record.results[name]] : []));
  const readabilityRuns = runsOf('readability');
  const readabilityMedian = readabilityRuns.length ? median(readabilityRuns.map((run) => run.extractMs)) : null;
  const summaries: Partial<Record<ExtractorName, ExtractorSummary>> = {};
  for (const extractor of extractors) {
    summaries[extractor.name] = summarise(extractor.name, scores.get(extractor.name) ?? [], runsOf(extractor.name), readabilityMedian);
  }

  console.log(`\n${pages.length} pages from ${options.dataset} (warm-up ${Math.min(options.warmup, pages.length)} pages, ${fmt(warmupMs / 1000, 1)} s)\n`);
  printTable(summaries);
  if (contentScores.length && summaries.folio) {
    console.log(`\nfolio's content through the shared html→text helper: F1 ${fmt(aggregateScores(contentScores).f1)} (table uses its textContent)`);
    if (summaries.folio.failures > 0) {
      console.log(`folio with its best effort on the pages it refused: F1 ${fmt(aggregateScores(bestEffortScores).f1)}`);
    }
  }
  console.log(`\nrun ${fmt(runMs / 1000, 1)} s, peak RSS ${Math.round(peakRss / 2 ** 20)} MiB, ${mutedMessages} console message(s) from extractors muted`);
  for (const error of errors) console.log(`  ! ${error}`);
  for (const [name, summary] of Object.entries(summaries)) {
    if (summary.failures === 0) continue;
    const failed = records.filter((record) => record.results[name as ExtractorName]?.status !== 'ok');
    console.log(`  ${name} returned nothing on ${failed.length} page(s): ${failed.map((record) => `${record.id.slice(0, 8)} (${record.results[name as ExtractorName]?.status})`).join(', ')}`);
  }
  if (options.worst > 0 && worstTarget) printWorst(worstTarget, pages, records, worstTexts, options.worst);

  if (options.out) {
    const report = {
      dataset: options.dataset,
      pageCount: pages.length,
      node: process.version,
      generatedAt: new Date().toISOString(),
      runSeconds: runMs / 1000,
      peakRssMiB: Math.round(peakRss / 2 ** 20),
      extractors: summaries,
      pages: records,
    };
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwrote ${options.out}`);
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:quality] ${(error as Error)?.stack ?? String(error)}`);
  process.exitCode = 1;
});
