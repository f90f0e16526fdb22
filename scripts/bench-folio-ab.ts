/**
 * Folio's whole pipeline, this checkout's against another commit's, in ONE headless Chromium page:
 *
 *   npm run bench:folio-ab -- --against REF [--rounds 2] [--limit N] [--dataset DIR] [--out F]
 *
 * Both pipelines are bundled into the page (REF's lib/ taken with `git archive` into .bench-ab/), and
 * each benchmark page is parsed afresh for every call; the two take turns (REF first on even rounds,
 * this checkout first on odd ones), so the machine's load falls on both alike. Only the extraction call
 * is timed. Why this and not a step's own time: in a browser the first access from script to a node is
 * what costs, and a change to one step can move that cost to the next step without saving anything;
 * only the whole pipeline, measured side by side, says whether a change pays. Prints the totals and the
 * ratio (this checkout / REF), the same for the median page (each page's time over the rounds), and how
 * many pages' results differ (content or verdict), and writes JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadGroundTruth, readPageHtml } from './lib/bench-dataset.ts';
import { findChrome, quietBrowserArgs } from './lib/find-chrome.mjs';
import { bundleForPage } from './bench-browser/bundle-for-page.ts';
import { median } from './lib/bench-stats.ts';

const DEFAULT_DATASET = '../shared/datasets/article-extraction-benchmark';
const WORK_DIR = resolve('.bench-ab');

function readOptions() {
  const { values } = parseArgs({
    options: {
      against: { type: 'string' },
      rounds: { type: 'string', default: '2' },
      limit: { type: 'string' },
      dataset: { type: 'string', default: DEFAULT_DATASET },
      out: { type: 'string' },
    },
  });
  if (!values.against) throw new Error('say which commit to compare with: --against REF (a branch, tag or commit)');
  const rounds = Number(values.rounds);
  if (!(Number.isInteger(rounds) && rounds > 0)) throw new Error(`--rounds needs a whole number, got "${values.rounds}"`);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`--limit needs a whole number, got "${values.limit}"`);
  return { against: values.against, rounds, limit, dataset: values.dataset ?? DEFAULT_DATASET, out: values.out };
}

/** REF's lib/ under .bench-ab/<commit>/, and a page script that puts both pipelines on `globalThis`. */
function prepareSources(ref: string): { commit: string; entry: string } {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  const refDir = join(WORK_DIR, commit);
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(refDir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${commit} lib | tar -x -C "${refDir}"`]);
  const entry = join(WORK_DIR, 'entry.ts');
  writeFileSync(entry, [
    "import { extractArticle as current } from '../lib/extract';",
    `import { extractArticle as reference } from './${commit}/lib/extract';`,
    '(globalThis as Record<string, unknown>).folioAb = { current, reference };',
    '',
  ].join('\n'));
  return { commit, entry };
}

interface PageTimes {
  current: number;
  reference: number;
  differs: boolean;
}

/** Runs in the page: both pipelines on fresh parses of one page, in the round's order. */
const RUN_PAGE = `(({ html, url, referenceFirst }) => {
  const { current, reference } = globalThis.folioAb;
  const run = (extract) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const start = performance.now();
    const result = extract(doc, { url, ownsDocument: true });
    const ms = performance.now() - start;
    return { ms, summary: result.ok ? 'ok ' + result.article.content : result.reason + ' ' + (result.bestEffort?.content ?? '') };
  };
  const first = run(referenceFirst ? reference : current);
  const second = run(referenceFirst ? current : reference);
  const [ref, cur] = referenceFirst ? [first, second] : [second, first];
  return { current: cur.ms, reference: ref.ms, differs: cur.summary !== ref.summary };
})`;

async function main(): Promise<void> {
  const options = readOptions();
  const { commit, entry } = prepareSources(options.against);
  const script = await bundleForPage(entry, 'folioAbBundle');
  const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: quietBrowserArgs({ sandbox: process.getuid?.() !== 0 }) });
  const load = [loadavg()];
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: script });
    const pages = loadGroundTruth(options.dataset).slice(0, options.limit);
    const rounds: Array<{ current: number; reference: number }> = [];
    const differing = new Set<string>();
    /** Each page's time summed over the rounds: the median page is what bench:quality's median reads. */
    const perPage = pages.map(() => ({ current: 0, reference: 0 }));
    for (let round = 0; round < options.rounds; round++) {
      const totals = { current: 0, reference: 0 };
      for (const [index, benchPage] of pages.entries()) {
        const html = readPageHtml(options.dataset, benchPage.id);
        const times = await page.evaluate(`${RUN_PAGE}(${JSON.stringify({ html, url: benchPage.url, referenceFirst: round % 2 === 0 })})`) as PageTimes;
        totals.current += times.current;
        totals.reference += times.reference;
        perPage[index]!.current += times.current;
        perPage[index]!.reference += times.reference;
        if (times.differs) differing.add(benchPage.id);
      }
      rounds.push(totals);
    }
    load.push(loadavg());
    const current = rounds.reduce((sum, round) => sum + round.current, 0);
    const reference = rounds.reduce((sum, round) => sum + round.reference, 0);
    const ratio = current / reference;
    console.log(`\n${pages.length} pages × ${options.rounds} rounds in one headless Chromium ${browser.version()} page; load average ${load[0]!.map((n) => n.toFixed(2)).join(' ')} before, ${load[1]!.map((n) => n.toFixed(2)).join(' ')} after\n`);
    console.table(rounds.map((round, index) => ({ round: index + 1, [`${commit} ms`]: Math.round(round.reference), 'this checkout ms': Math.round(round.current), ratio: +(round.current / round.reference).toFixed(3) })));
    console.log(`this checkout / ${commit}: ${ratio.toFixed(3)}× (${Math.round(current)} / ${Math.round(reference)} ms); results differ on ${differing.size} of ${pages.length} pages`);
    const medianCurrent = median(perPage.map((page) => page.current / options.rounds));
    const medianReference = median(perPage.map((page) => page.reference / options.rounds));
    const medianRatio = medianCurrent / medianReference;
    console.log(`median page: ${medianCurrent.toFixed(2)} / ${medianReference.toFixed(2)} ms = ${medianRatio.toFixed(3)}×`);
    if (options.out) {
      writeFileSync(options.out, `${JSON.stringify({ against: commit, pages: pages.length, rounds, ratio, medianRatio, differingPages: [...differing], loadAverage: load }, null, 2)}\n`);
      console.log(`wrote ${options.out}`);
    }
  } finally {
    await browser.close();
    rmSync(WORK_DIR, { recursive: true, force: true });
  }
}

await main();
