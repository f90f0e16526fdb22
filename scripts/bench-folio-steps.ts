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
 *
 * With --browser each of these runs in one headless Chromium page instead (scripts/bench-browser/: the
 * page's DOMParser and the page's own sanitizer, as bench:quality --browser gives Folio each page);
 * `--profile FILE` (browser only) also writes the page's CPU profile over the run (DevTools opens it;
 * in Node, `node --cpu-prof` does the same). A file written in one mode is compared in the same mode:
 * the two DOMs serialise a few things differently.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { ExtractResult } from '../lib/extract/index.ts';
import { loadGroundTruth, readPageHtml } from './lib/bench-dataset.ts';
import { folioExtractor } from './lib/bench-extractors.ts';
import { median, quantile } from './lib/bench-stats.ts';
import { folioRun, type FolioPageOutput, type FolioRun } from './lib/folio-run-output.ts';

const DEFAULT_DATASET = '../shared/datasets/article-extraction-benchmark';

type PageOutput = FolioPageOutput;

function readOptions() {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: DEFAULT_DATASET },
      limit: { type: 'string' },
      write: { type: 'string' },
      against: { type: 'string' },
      steps: { type: 'boolean', default: false },
      out: { type: 'string' },
      browser: { type: 'boolean', default: false },
      profile: { type: 'string' },
    },
  });
  if (!values.write && !values.against && !values.steps && !values.profile) throw new Error('say what to do: --write FILE, --against FILE, --steps or --profile FILE');
  if (values.profile && !values.browser) throw new Error('--profile is for --browser; in Node, run the script with node --cpu-prof');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`--limit needs a whole number, got "${values.limit}"`);
  return { ...values, dataset: values.dataset ?? DEFAULT_DATASET, limit };
}

/** Where Folio runs: this process (linkedom, the jsdom sanitizer window) or the Chromium page. */
interface FolioHost {
  run(html: string, url: string): Promise<FolioRun>;
  close(): Promise<void>;
}

function nodeFolioHost(debug: boolean): FolioHost {
  // The same parse and call as bench:quality's Folio (scripts/lib/bench-extractors.ts).
  const folio = folioExtractor(undefined, { debug });
  return {
    async run(html, url) {
      const result = folioRun(folio.extract(folio.parse(html, url), url) as ExtractResult);
      // Between pages, as bench:quality does: jsdom lets go of some objects only when the current job ends.
      await yieldToEventLoop();
      return result;
    },
    close: async () => {},
  };
}

async function chromiumFolioHost(debug: boolean, profileFile: string | undefined): Promise<FolioHost> {
  // Vite and Playwright are loaded only for the browser mode.
  const host = await (await import('./bench-browser/chromium-bench-host.ts')).openChromiumFolioHost();
  console.log(`in one headless ${host.browserVersion} page`);
  if (profileFile) await host.startProfile();
  return {
    run: (html, url) => host.run(html, url, debug),
    async close() {
      if (profileFile) {
        writeFileSync(profileFile, JSON.stringify(await host.stopProfile()));
        console.log(`wrote the page's CPU profile to ${profileFile}`);
      }
      await host.close();
    },
  };
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
  console.log(`\n${pageCount} pages, ${(total / 1000).toFixed(2)} s in the traced steps (load average ${loadavg().map((n) => n.toFixed(2)).join(' ')})\n`);
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
  const host = options.browser ? await chromiumFolioHost(options.steps, options.profile) : nodeFolioHost(options.steps);
  const outputs: Record<string, PageOutput> = {};
  const timings = new Map<string, number[]>();
  try {
    for (const page of pages) {
      const { output, timingsMs } = await host.run(readPageHtml(options.dataset, page.id), page.url);
      outputs[page.id] = output;
      for (const [step, ms] of Object.entries(timingsMs)) {
        const times = timings.get(step) ?? [];
        times.push(ms);
        timings.set(step, times);
      }
    }
  } finally {
    await host.close();
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
