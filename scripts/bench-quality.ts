/**
 * Extraction quality benchmark: Folio, Readability.js and Defuddle on the article-extraction benchmark's
 * real pages, scored with the benchmark's own metric (scripts/lib/metric.ts), with extraction timings.
 *
 *   npm run bench:quality -- --dataset ../shared/datasets/article-extraction-benchmark
 *     [--browser] [--out results.json] [--worst N] [--only folio,readability,defuddle] [--limit N] [--warmup N]
 *     [--chooser readability|folio]
 *
 * Where the extractors run: by default in this Node process on linkedom (Folio's sanitizer on a jsdom
 * window); with --browser in one headless Chromium page on the browser's own DOM
 * (scripts/bench-browser/), where Folio runs for its users. Scoring is in Node either way.
 * `--chooser` picks Folio's body chooser (pipeline step 6) instead of its default; Node mode only.
 *
 * Fairness: every extractor gets its own fresh parse of each page (Readability mutates its input), only
 * the extraction call is timed, the extractors take turns in a rotating order page by page (machine noise
 * hits all alike), and HTML outputs become text through one shared helper.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { ExtractOptions } from '../lib/extract/index.ts';
import { loadGroundTruth, readPageHtml } from './lib/bench-dataset.ts';
import { EXTRACTOR_NAMES, type ExtractorName } from './lib/bench-extractor-output.ts';
import { fmt, printNotes, printTable, printWorst } from './lib/bench-quality-print.ts';
import { qualityReport, type BenchEnvironment } from './lib/bench-quality-results.ts';
import { nodeBenchHost, runQualityBench } from './lib/bench-quality-run.ts';

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
      browser: { type: 'boolean', default: false },
      out: { type: 'string' },
      worst: { type: 'string' },
      only: { type: 'string' },
      limit: { type: 'string' },
      warmup: { type: 'string', default: '10' },
      chooser: { type: 'string' },
    },
  });
  const chooser = values.chooser;
  if (chooser !== undefined && chooser !== 'readability' && chooser !== 'folio') throw new Error(`--chooser is readability or folio, got "${chooser}"`);
  if (chooser !== undefined && values.browser) throw new Error('--chooser runs in Node mode only (not with --browser)');
  const only = (values.only ?? EXTRACTOR_NAMES.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of only) {
    if (!(EXTRACTOR_NAMES as readonly string[]).includes(name)) {
      throw new Error(`--only: unknown extractor "${name}" (known: ${EXTRACTOR_NAMES.join(', ')})`);
    }
  }
  if (only.length === 0) throw new Error('no extractor to run');
  return {
    dataset: values.dataset ?? DEFAULT_DATASET,
    browser: values.browser ?? false,
    out: values.out,
    worst: positiveInt(values.worst, 'worst') ?? 0,
    only: only as ExtractorName[],
    limit: positiveInt(values.limit, 'limit'),
    warmup: positiveInt(values.warmup, 'warmup') ?? 10,
    chooser: chooser as ExtractOptions['bodyChooser'],
  };
}

const loadAverage = () => loadavg().map((n) => Math.round(n * 100) / 100);

async function main(): Promise<void> {
  const options = readOptions();
  const allPages = loadGroundTruth(options.dataset);
  const pages = options.limit === undefined ? allPages : allPages.slice(0, options.limit);
  const names = options.only;
  const worstTarget: ExtractorName | undefined = names.includes('folio') ? 'folio' : names[0];
  const environment: BenchEnvironment = options.browser ? 'chromium' : 'node-linkedom';

  // Vite and Playwright are loaded only for the browser mode: the Node mode's heap stays as it was.
  const host = options.browser ? await (await import('./bench-browser/chromium-bench-host.ts')).openChromiumBenchHost() : nodeBenchHost(names, options.chooser);
  const loadBefore = loadAverage();
  let run;
  try {
    run = await runQualityBench({ pages, names, warmup: options.warmup, host, readHtml: (page) => readPageHtml(options.dataset, page.id), worstTarget });
  } finally {
    await host.close();
  }
  const loadAfter = loadAverage();
  const { tally } = run;
  const summaries = tally.summaries();

  const where = host.browserVersion ? `one headless ${host.browserVersion} page (the browser's DOMParser)` : `Node ${process.version} on linkedom`;
  const chooser = options.chooser ? `, Folio's body chooser: ${options.chooser}` : '';
  console.log(`\n${pages.length} pages from ${options.dataset}, in ${where}${chooser}`);
  console.log(`warm-up: each extractor on the first ${run.warmupPages} pages before timing (${fmt(run.warmupMs / 1000, 1)} s); load average ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after\n`);
  printTable(summaries);
  printNotes(tally, summaries);
  console.log(`\nrun ${fmt(run.runMs / 1000, 1)} s, peak RSS of the Node process ${run.peakRssMiB} MiB, ${tally.mutedMessages} console message(s) from extractors muted`);
  if (options.worst > 0 && worstTarget) printWorst(worstTarget, pages, tally, options.worst);

  if (options.out) {
    const facts = {
      dataset: options.dataset,
      environment,
      browserVersion: host.browserVersion,
      warmupPages: run.warmupPages,
      runSeconds: run.runMs / 1000,
      loadAverage: { before: loadBefore, after: loadAfter },
      peakRssMiB: run.peakRssMiB,
    };
    writeFileSync(options.out, `${JSON.stringify(qualityReport(facts, tally), null, 2)}\n`);
    console.log(`\nwrote ${options.out}`);
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:quality] ${(error as Error)?.stack ?? String(error)}`);
  process.exitCode = 1;
});
