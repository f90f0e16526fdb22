import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// Smoke of `npm run bench:folio-ab`: the current commit against itself on two pages, in Chromium. Both
// pipelines are the same code, so every page's result must be the same; no timing is asserted (timings
// belong in the benchmark's own output).
test('bench:folio-ab runs this checkout against a commit, and finds no difference against itself', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'folio-ab-')), 'ab.json');
  const printed = execFileSync('node', ['--import', 'tsx/esm', 'scripts/bench-folio-ab.ts', '--against', 'HEAD', '--limit', '2', '--rounds', '1', '--out', out], { encoding: 'utf8', timeout: 120_000 });
  expect(printed).toContain('results differ on 0 of 2 pages');
  const report = JSON.parse(readFileSync(out, 'utf8')) as { pages: number; rounds: Array<{ current: number; reference: number }>; differingPages: string[] };
  expect(report.pages).toBe(2);
  expect(report.rounds).toHaveLength(1);
  expect(report.rounds[0]!.current).toBeGreaterThan(0);
  expect(report.rounds[0]!.reference).toBeGreaterThan(0);
  expect(report.differingPages).toEqual([]);
});
