/**
 * Fidelity check on Mozilla Readability's own test pages: Folio's text against each page's
 * `expected.html` (Readability's output there, so not ground truth — read the page when they differ),
 * scored with the quality benchmark's shingle metric (scripts/lib/metric.ts). It answers one question
 * when the body chooser changes: which pages lost story text that the previous build kept?
 *
 *   npm run bench:fidelity -- [--pages ../shared/datasets/readability-test-pages] [--out fidelity.json]
 *     [--worst 15] [--against main-fidelity.json] [--drop 0.05] [--chooser readability|folio]
 *
 * `--against FILE` (an earlier run's --out, e.g. main's) lists the pages whose F1 fell by more than
 * `--drop`, and the mean's change. `--chooser readability` runs the pipeline with Readability alone as
 * its body chooser (ExtractOptions.bodyChooser) instead of Folio's own (the default). Folio's refusals count with their "show it anyway" text.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractorOutput } from './lib/bench-extractor-output.ts';
import { folioExtractor, outputText } from './lib/bench-extractors.ts';
import { htmlToBlockText } from './lib/bench-html-text.ts';
import { printTable } from './lib/bench-report.ts';
import type { ExtractOptions, ExtractResult } from '../lib/extract/index.ts';
import { aggregateScores, scorePage, type AggregateScore } from './lib/metric.ts';

type BodyChooser = ExtractOptions['bodyChooser'];

const DEFAULT_PAGES = '../shared/datasets/readability-test-pages';
/** The address Readability's own test runner gives every test page. */
const PAGE_URL = 'http://fakehost/test/page.html';

interface FidelityPage {
  slug: string;
  status: string;
  /** Folio's own chooser found too little and Readability chose the body (the pipeline's fallback). */
  readabilityFallback: boolean;
  f1: number;
  precision: number | null;
  recall: number | null;
}

interface FidelityReport {
  pagesDir: string;
  loadAverage: number[];
  mean: AggregateScore & { pageF1: number };
  pages: FidelityPage[];
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: DEFAULT_PAGES },
      out: { type: 'string' },
      worst: { type: 'string', default: '15' },
      against: { type: 'string' },
      drop: { type: 'string', default: '0.05' },
      chooser: { type: 'string', default: 'folio' },
    },
  });
  if (values.chooser !== 'readability' && values.chooser !== 'folio') throw new Error(`--chooser is readability or folio, got "${values.chooser}"`);
  return {
    pagesDir: values.pages ?? DEFAULT_PAGES,
    out: values.out,
    worst: Number(values.worst ?? 15),
    against: values.against,
    drop: Number(values.drop ?? 0.05),
    chooser: values.chooser as BodyChooser,
  };
}

function slugs(pagesDir: string): string[] {
  return readdirSync(pagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(pagesDir, entry.name, 'expected.html')))
    .map((entry) => entry.name)
    .sort();
}

/** Folio's text for one page: the article's, or on a refusal what "show it anyway" would show. */
function folioText(html: string, bodyChooser: BodyChooser): { text: string; status: string; readabilityFallback: boolean } {
  const folio = folioExtractor(undefined, { debug: true, bodyChooser });
  let result: unknown;
  try {
    result = folio.extract(folio.parse(html, PAGE_URL), PAGE_URL);
  } catch (error) {
    return { text: '', status: `threw: ${(error as Error).message}`, readabilityFallback: false };
  }
  const { text, status, bestEffortText } = outputText(extractorOutput('folio', result));
  const readabilityFallback = (result as ExtractResult).debug?.entries.some((entry) => entry.step === 'readability') ?? false;
  return { text: text || bestEffortText || '', status, readabilityFallback };
}

function scoreFidelity(pagesDir: string, bodyChooser: BodyChooser): FidelityPage[] {
  return slugs(pagesDir).map((slug) => {
    const source = readFileSync(join(pagesDir, slug, 'source.html'), 'utf8');
    const expected = htmlToBlockText(readFileSync(join(pagesDir, slug, 'expected.html'), 'utf8'));
    const { text, status, readabilityFallback } = folioText(source, bodyChooser);
    const score = scorePage(expected, text);
    return { slug, status, readabilityFallback, f1: score.f1, precision: score.precision, recall: score.recall };
  });
}

const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(3));

function printWorst(pages: FidelityPage[], count: number): void {
  const worst = [...pages].sort((a, b) => a.f1 - b.f1).slice(0, count);
  printTable(`the ${worst.length} worst pages`, [
    ['page', 'F1', 'precision', 'recall', 'status'],
    ...worst.map((page) => [page.slug, fmt(page.f1), fmt(page.precision), fmt(page.recall), page.status]),
  ]);
}

function printAgainst(report: FidelityReport, earlierFile: string, drop: number): void {
  const earlier = JSON.parse(readFileSync(earlierFile, 'utf8')) as FidelityReport;
  const before = new Map(earlier.pages.map((page) => [page.slug, page]));
  const changed = report.pages
    .map((page) => ({ page, was: before.get(page.slug) }))
    .filter(({ page, was }) => was !== undefined && Math.abs(page.f1 - was.f1) > drop)
    .sort((a, b) => a.page.f1 - (a.was?.f1 ?? 0) - (b.page.f1 - (b.was?.f1 ?? 0)));
  console.log(`\nagainst ${earlierFile}: mean page F1 ${fmt(earlier.mean.pageF1)} → ${fmt(report.mean.pageF1)}, shingle F1 ${fmt(earlier.mean.f1)} → ${fmt(report.mean.f1)}`);
  const fell = changed.filter(({ page, was }) => page.f1 < (was?.f1 ?? 0));
  console.log(`${fell.length} page(s) fell by more than ${drop}, ${changed.length - fell.length} rose by more than ${drop}`);
  if (changed.length === 0) return;
  printTable('pages that moved', [
    ['page', 'F1 before', 'F1 now', 'recall before', 'recall now', 'precision before', 'precision now'],
    ...changed.map(({ page, was }) => [page.slug, fmt(was?.f1 ?? null), fmt(page.f1), fmt(was?.recall ?? null), fmt(page.recall), fmt(was?.precision ?? null), fmt(page.precision)]),
  ]);
}

function main(): void {
  const options = readOptions();
  const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);
  const pages = scoreFidelity(options.pagesDir, options.chooser);
  const aggregate = aggregateScores(pages.map((page) => ({ tp: 0, fp: 0, fn: 0, exact: false, ...page })));
  const pageF1 = pages.reduce((sum, page) => sum + page.f1, 0) / Math.max(1, pages.length);
  const report: FidelityReport = { pagesDir: options.pagesDir, loadAverage: loadBefore, mean: { ...aggregate, pageF1 }, pages };

  console.log(`\n${pages.length} pages from ${options.pagesDir}: Folio's text against expected.html (Readability's output)`);
  printTable('mean', [
    ['F1 of means', 'precision', 'recall', 'mean page F1', 'refused', 'Readability chose the body'],
    [fmt(aggregate.f1), fmt(aggregate.precision), fmt(aggregate.recall), fmt(pageF1), String(pages.filter((page) => page.status !== 'ok').length), String(pages.filter((page) => page.readabilityFallback).length)],
  ]);
  printWorst(pages, options.worst);
  if (options.against) printAgainst(report, options.against, options.drop);
  if (options.out) {
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwrote ${options.out}`);
  }
}

main();
