/**
 * The quality benchmark's results, assembled the same way whichever DOM the extractors ran on: each
 * measured extraction is scored in Node with the benchmark's metric, per page and per extractor, then
 * summed up into the table's rows and the JSON report.
 */
import type { BenchPage } from './bench-dataset.ts';
import type { ExtractorName } from './bench-extractor-output.ts';
import { outputText } from './bench-extractors.ts';
import { median, quantile } from './bench-stats.ts';
import type { MeasuredExtraction } from './bench-timed-extraction.ts';
import { aggregateScores, scorePage, type AggregateScore, type PageScore } from './metric.ts';

/** Where the extractors ran: one Node process on linkedom, or one page of headless Chromium. */
export type BenchEnvironment = 'node-linkedom' | 'chromium';

export interface PageRun {
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

export interface PageRecord {
  id: string;
  url: string;
  results: Partial<Record<ExtractorName, PageRun>>;
}

export interface ExtractorSummary extends AggregateScore {
  medianMs: number;
  p95Ms: number;
  medianParseMs: number;
  /** Median extraction time over Readability's (null when Readability did not run). */
  timeRatioToReadability: number | null;
  /** p95 extraction time over Readability's p95 (null when Readability did not run). */
  p95RatioToReadability: number | null;
  /** Pages where the extractor returned nothing or refused. */
  failures: number;
  errors: number;
}

/** Every page's results and the scores behind them, filled one extraction at a time. */
export class QualityTally {
  readonly records: PageRecord[] = [];
  readonly scores = new Map<ExtractorName, PageScore[]>();
  /** Folio: its content HTML through the shared helper, and its best effort on refused pages. */
  readonly contentScores: PageScore[] = [];
  readonly bestEffortScores: PageScore[] = [];
  /** The text shown per page by the extractor the --worst report is about (its best effort when it refused). */
  readonly worstTexts = new Map<string, string>();
  readonly errors: string[] = [];
  mutedMessages = 0;

  constructor(
    readonly names: readonly ExtractorName[],
    private readonly worstTarget?: ExtractorName,
  ) {
    for (const name of names) this.scores.set(name, []);
  }

  startPage(page: BenchPage): PageRecord {
    const record: PageRecord = { id: page.id, url: page.url, results: {} };
    this.records.push(record);
    return record;
  }

  add(page: BenchPage, record: PageRecord, name: ExtractorName, measured: MeasuredExtraction): void {
    const shown = outputText(measured.output);
    const score = scorePage(page.articleBody, shown.text);
    this.scores.get(name)?.push(score);
    let bestEffortF1: number | undefined;
    if (name === 'folio') {
      this.contentScores.push(shown.contentText === undefined ? score : scorePage(page.articleBody, shown.contentText));
      const bestEffort = shown.bestEffortText === undefined ? score : scorePage(page.articleBody, shown.bestEffortText);
      this.bestEffortScores.push(bestEffort);
      if (shown.bestEffortText !== undefined) bestEffortF1 = bestEffort.f1;
    }
    // On a refused page, the best effort is what tells detection trouble from extraction trouble.
    if (name === this.worstTarget) this.worstTexts.set(page.id, shown.bestEffortText ?? shown.text);
    if (measured.error) this.errors.push(`${name} threw on ${page.id.slice(0, 12)} (${page.url}): ${measured.error}`);
    this.mutedMessages += measured.mutedMessages;
    record.results[name] = {
      f1: score.f1,
      precision: score.precision,
      recall: score.recall,
      exact: score.exact,
      status: shown.status,
      parseMs: measured.parseMs,
      extractMs: measured.extractMs,
      ...(bestEffortF1 === undefined ? {} : { bestEffortF1 }),
    };
  }

  runsOf(name: ExtractorName): PageRun[] {
    return this.records.flatMap((record) => (record.results[name] ? [record.results[name]] : []));
  }

  /** One row per extractor, in the order they were asked for; times compared with Readability's from the same run. */
  summaries(): Partial<Record<ExtractorName, ExtractorSummary>> {
    const readabilityTimes = this.runsOf('readability').map((run) => run.extractMs);
    const reference = readabilityTimes.length ? { median: median(readabilityTimes), p95: quantile(readabilityTimes, 0.95) } : null;
    const summaries: Partial<Record<ExtractorName, ExtractorSummary>> = {};
    for (const name of this.names) {
      const runs = this.runsOf(name);
      const extractTimes = runs.map((run) => run.extractMs);
      const medianMs = median(extractTimes);
      const p95Ms = quantile(extractTimes, 0.95);
      summaries[name] = {
        ...aggregateScores(this.scores.get(name) ?? []),
        medianMs,
        p95Ms,
        medianParseMs: median(runs.map((run) => run.parseMs)),
        timeRatioToReadability: reference?.median ? medianMs / reference.median : null,
        p95RatioToReadability: reference?.p95 ? p95Ms / reference.p95 : null,
        failures: runs.filter((run) => run.status !== 'ok').length,
        errors: runs.filter((run) => run.status === 'error').length,
      };
    }
    return summaries;
  }
}

export interface RunFacts {
  dataset: string;
  environment: BenchEnvironment;
  /** The browser's name and version in the browser mode ("Chromium 156.0…"), null in Node. */
  browserVersion: string | null;
  warmupPages: number;
  runSeconds: number;
  /** The machine's 1-, 5- and 15-minute load averages before and after the timed run. */
  loadAverage: { before: number[]; after: number[] };
  /** The Node process's peak RSS (in the browser mode it holds only the pages' markup and the scoring). */
  peakRssMiB: number;
}

/** The JSON written by --out: the same shape in both modes, `environment` saying which. */
export function qualityReport(facts: RunFacts, tally: QualityTally) {
  return {
    dataset: facts.dataset,
    environment: facts.environment,
    browserVersion: facts.browserVersion,
    pageCount: tally.records.length,
    node: process.version,
    generatedAt: new Date().toISOString(),
    warmupPages: facts.warmupPages,
    runSeconds: facts.runSeconds,
    loadAverage: facts.loadAverage,
    peakRssMiB: facts.peakRssMiB,
    extractors: tally.summaries(),
    pages: tally.records,
  };
}
