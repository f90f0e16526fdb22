import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { openChromiumBenchHost } from '../../scripts/bench-browser/chromium-bench-host.ts';
import { loadGroundTruth, readPageHtml } from '../../scripts/lib/bench-dataset.ts';
import { EXTRACTOR_NAMES } from '../../scripts/lib/bench-extractor-output.ts';
import { qualityReport } from '../../scripts/lib/bench-quality-results.ts';
import { runQualityBench } from '../../scripts/lib/bench-quality-run.ts';

// The repository sits beside shared/ both on developer machines and in CI (as in the unit suite's metric test).
const DATASET = resolve(process.cwd(), '../shared/datasets/article-extraction-benchmark');

// Smoke of `npm run bench:quality -- --browser`: the page harness bundles, Chromium starts, and three of
// the benchmark's pages go through all three extractors in the page and are scored in Node. No timing
// is asserted (timings belong in the benchmark's own output).
test('bench:quality --browser runs end to end on three pages', async () => {
  const pages = loadGroundTruth(DATASET).slice(0, 3);
  const host = await openChromiumBenchHost();
  let run;
  try {
    run = await runQualityBench({ pages, names: EXTRACTOR_NAMES, warmup: 1, host, readHtml: (page) => readPageHtml(DATASET, page.id), worstTarget: 'folio' });
  } finally {
    await host.close();
  }
  const report = qualityReport(
    { dataset: DATASET, environment: 'chromium', browserVersion: host.browserVersion, warmupPages: run.warmupPages, runSeconds: run.runMs / 1000, loadAverage: { before: [], after: [] }, peakRssMiB: run.peakRssMiB },
    run.tally,
  );
  expect(report.browserVersion).toMatch(/^Chromium \d+\./);
  expect(report.pageCount).toBe(3);
  expect(run.tally.errors).toEqual([]);
  for (const name of EXTRACTOR_NAMES) {
    const summary = report.extractors[name];
    // Each extractor found most of each article on the browser's DOM (these three pages score ≥ 0.9 in Node).
    expect(summary?.f1, name).toBeGreaterThan(0.9);
    expect(summary?.failures, name).toBe(0);
    for (const record of report.pages) expect(record.results[name]?.extractMs, `${name} on ${record.id}`).toBeGreaterThan(0);
  }
});
