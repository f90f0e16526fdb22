/**
 * Folio alone over the benchmark's pages, given each page as bench:quality gives it (a fresh linkedom
 * parse, `ownsDocument`, the shared jsdom window for the sanitizer). Two uses while making extraction
 * faster:
 *
 *   npm run bench:folio-steps -- [--dataset DIR] [--limit N] --write FILE
 *       writes every page's result (article fields, or the failure and its best effort)
 *   npm run bench:folio-steps -- [--dataset DIR] [--limit N] --against FILE
 *       extracts again and counts the pages whose result differs from FILE's (a change meant to be
 *       faster only must give 0), naming each differing page and field
 *   npm run bench:folio-steps -- [--dataset DIR] [--limit N] --steps [--out FILE]
 *       runs with the pipeline's debug trace and prints where the time goes, step by step and rule by
 *       rule (total, share, median, p95 over the pages); the trace itself costs a little, so use it
 *       for shares, and bench:quality for the time against Readability
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { ExtractResult } from '../lib/extract/index.ts';
import { loadGroundTruth, readPageHtml } from './lib/bench-dataset.ts';
import { folioExtractor } from './lib/bench-extractors.ts';
import { median, quantile } from './lib/bench-stats.ts';

const DEFAULT_DATASET = '../shared/datasets/article-extraction-benchmark';

type PageOutput = Record<string, unknown>;

function readOptions() {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: DEFAULT_DATASET },
      limit: { type: 'string' },
      write: { type: 'string' },
      against: { type: 'string' },
      steps: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (!values.write && !values.against && !values.steps) throw new Error('say what to do: --write FILE, --against FILE or --steps');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`--limit needs a whole number, got "${values.limit}"`);
  return { ...values, dataset: values.dataset ?? DEFAULT_DATASET, limit };
}

/** What a caller gets from one extraction, minus the debug trace (its timings differ every run). */
function outputOf(result: ExtractResult): PageOutput {
  if (result.ok) return { ok: true, ...result.article, nextPageUrl: result.nextPageUrl ?? null };
  return { ok: false, reason: result.reason, detail: result.detail, bestEffort: result.bestEffort ?? null };
}

function differingFields(before: PageOutput, after: PageOutput): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function printSteps(timings: Map<string, number[]>, pageCount: number, out: string | undefined): void {
  const rows = [...timings].map(([step, times]) => ({
    step,
    totalMs: times.reduce((sum, t) => sum + t, 0),
    medianMs: median(times),
    p95Ms: quantile(times, 0.95),
  }));
  const total = rows.reduce((sum, row) => sum + row.totalMs, 0);
  rows.sort((a, b) => b.totalMs - a.totalMs);
  console.log(`\n${pageCount} pages, ${(total / 1000).toFixed(2)} s in the traced steps\n`);
  console.log(`${'step'.padEnd(44)}  ${'total ms'.padStart(9)}  ${'share'.padStart(6)}  ${'median'.padStart(7)}  ${'p95'.padStart(7)}`);
  for (const row of rows) {
    const share = `${((100 * row.totalMs) / total).toFixed(1)}%`;
    console.log(`${row.step.padEnd(44)}  ${row.totalMs.toFixed(0).padStart(9)}  ${share.padStart(6)}  ${row.medianMs.toFixed(2).padStart(7)}  ${row.p95Ms.toFixed(2).padStart(7)}`);
  }
  if (out) writeFileSync(out, `${JSON.stringify({ pageCount, totalMs: total, steps: rows }, null, 2)}\n`);
}

async function main(): Promise<void> {
  const options = readOptions();
  const pages = loadGroundTruth(options.dataset).slice(0, options.limit);
  // The same parse and call as bench:quality's Folio (scripts/lib/bench-extractors.ts).
  const folio = folioExtractor(undefined, { debug: options.steps });
  const outputs: Record<string, PageOutput> = {};
  const timings = new Map<string, number[]>();
  for (const page of pages) {
    const result = folio.extract(folio.parse(readPageHtml(options.dataset, page.id), page.url), page.url) as ExtractResult;
    outputs[page.id] = outputOf(result);
    for (const [step, ms] of Object.entries(result.debug?.timingsMs ?? {})) {
      const times = timings.get(step) ?? [];
      times.push(ms);
      timings.set(step, times);
    }
    // Between pages, as bench:quality does: jsdom lets go of some objects only when the current job ends.
    await yieldToEventLoop();
  }
  if (options.steps) printSteps(timings, pages.length, options.out);
  if (options.write) {
    writeFileSync(options.write, `${JSON.stringify(outputs)}\n`);
    console.log(`wrote ${pages.length} pages' results to ${options.write}`);
  }
  if (options.against) {
    const before = JSON.parse(readFileSync(options.against, 'utf8')) as Record<string, PageOutput>;
    let differing = 0;
    for (const page of pages) {
      const earlier = before[page.id];
      const now = outputs[page.id] ?? {};
      const fields = earlier ? differingFields(earlier, now) : ['(page missing from the earlier file)'];
      if (fields.length === 0) continue;
      differing++;
      console.log(`  differs: ${page.id.slice(0, 12)} ${page.url} — ${fields.join(', ')}`);
    }
    console.log(`${differing} of ${pages.length} pages differ from ${options.against}`);
    if (differing > 0) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:folio-steps] ${(error as Error)?.stack ?? String(error)}`);
  process.exitCode = 1;
});
