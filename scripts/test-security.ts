/**
 * Hostile HTML against the built extension in real Chromium:
 *   npm run test:security -- [--out FILE] [--only SUBSTRING,...] [--tabs N] [--no-build]
 * Serves every case of tests/security/corpus from 127.0.0.1, lets the raw page run, presses Folio's
 * toolbar button, waits for the overlay and provokes it (pointer, focus, time), then saves the article
 * and opens it in the saved-article reader page and provokes that too. From the click on,
 * a call of the canary or a request to the attacker's host is counted against Folio. Prints
 * `N inputs, X executed, Y requests`; `--out` writes { inputs, executed, requests }. The rendered
 * article body is also audited like the sanitizer's output in the unit tests. Exits 1 when anything
 * executed, requested or failed the audit, or when a case could not be tested (no overlay: the tab
 * froze or Folio failed) or the detectors could not be proven.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { hostileCorpus, type HostileCase } from '../tests/security/corpus/index.ts';
import { AttackLog } from '../tests/security/runner/attack-log.ts';
import { startCaseServer } from '../tests/security/runner/case-server.ts';
import { launchFolioBrowser } from '../tests/security/runner/folio-browser.ts';
import { isUntested, runCaseInOverlay, runCaseInReader, selfCheck, SELF_CHECK_PREFIX, type CaseOutcome } from '../tests/security/runner/run-case.ts';
import { auditAcrossReparses } from '../tests/security/markup-audit.ts';
import { getSanitizerWindow } from './lib/node-dom.ts';

const USAGE = 'usage: npm run test:security -- [--out FILE] [--only SUBSTRING,...] [--tabs N] [--no-build] [--overlay-only]';
const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
/** A case that takes longer has hung its tab; it is reported untested and its window replaced. */
const CASE_DEADLINE_MS = 25_000;

async function withDeadline<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => { timer = setTimeout(() => resolve(fallback), ms); });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

interface Options {
  out?: string;
  only?: string;
  tabs: number;
  build: boolean;
  /** Also save each article and render it in the saved-article reader page. */
  reader: boolean;
}

function parseArguments(argv: string[]): Options {
  const options: Options = { tabs: 3, build: true, reader: true };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--out') options.out = argv[++i];
    else if (argument === '--only') options.only = argv[++i];
    else if (argument === '--tabs') options.tabs = Math.max(1, Number(argv[++i]) || 1);
    else if (argument === '--no-build') options.build = false;
    else if (argument === '--overlay-only') options.reader = false;
    else if (argument === '--help' || argument === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument "${argument}"\n${USAGE}`);
  }
  return options;
}

/**
 * Runs the cases over `tabs` windows of one browser, each taking the next case when it is free. A
 * window whose case left no overlay may hold a hung page: it is closed and replaced.
 */
async function runAll(cases: readonly HostileCase[], tabs: number, openPage: () => Promise<Page>, run: (page: Page, hostile: HostileCase) => Promise<CaseOutcome>): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(tabs, cases.length) }, async () => {
    let page = await openPage();
    while (next < cases.length) {
      const hostile = cases[next++]!;
      const outcome = await run(page, hostile);
      outcomes.push(outcome);
      if (isUntested(outcome.rendering)) {
        await Promise.race([page.close({ runBeforeUnload: false }), new Promise((resolve) => setTimeout(resolve, 5_000))]).catch(() => undefined);
        page = await openPage();
      }
    }
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
  }));
  return outcomes;
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  const filters = options.only?.split(',').filter(Boolean) ?? [];
  const cases = hostileCorpus.filter((c) => filters.length === 0 || filters.some((f) => c.id.includes(f) || c.family === f));
  if (cases.length === 0) throw new Error(`no case matches "${options.only}"`);
  if (options.build || !existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }

  const log = new AttackLog();
  const server = await startCaseServer(cases, log);
  const browser = await launchFolioBrowser(EXTENSION_DIR, server.port, log);
  const started = Date.now();
  let outcomes: CaseOutcome[];
  let check = { handler: false, request: false };
  try {
    outcomes = await runAll(cases, options.tabs, () => browser.newWindowPage(), async (page, hostile) => {
      const outcome = await withDeadline(runCaseInOverlay(browser, page, server.urlOf(hostile), hostile, log), CASE_DEADLINE_MS, {
        id: hostile.id, rendering: 'no-overlay', datasetChanged: false, loadingReferences: [], renderedHtml: '', detail: `no result within ${CASE_DEADLINE_MS / 1000} s`,
      });
      const rendered = outcome.rendering === 'article' || outcome.rendering === 'best-effort';
      if (!check.handler && rendered) check = await selfCheck(page, log);
      if (rendered && options.reader) {
        outcome.reader = await withDeadline(runCaseInReader(browser, page, hostile), CASE_DEADLINE_MS, { rendering: 'no-reader', loadingReferences: [], renderedHtml: '', detail: 'timed out' });
      }
      return outcome;
    });
  } finally {
    await browser.close();
    await server.close();
  }

  const executions = log.executions.filter((e) => !e.caseId.startsWith(SELF_CHECK_PREFIX));
  const requests = log.requests.filter((r) => !r.caseId.startsWith(SELF_CHECK_PREFIX));
  const datasetHits = outcomes.filter((o) => o.datasetChanged);
  const vectorOf = new Map(cases.map((c) => [c.id, c.vector]));
  for (const e of executions) console.log(`EXECUTED ${e.caseId} (${vectorOf.get(e.caseId) ?? '?'}) in ${e.where} ${e.frameUrl}`);
  for (const o of datasetHits) console.log(`EXECUTED ${o.id} (${vectorOf.get(o.id) ?? '?'}) set data-${'pwned'}`);
  for (const r of requests) console.log(`REQUEST ${r.caseId} ${r.url} (${r.resourceType}, seen by ${r.seenBy})`);
  const referencing = outcomes.filter((o) => o.loadingReferences.length > 0 || (o.reader?.loadingReferences.length ?? 0) > 0);
  for (const o of referencing) console.log(`REQUEST ${o.id} would load from the attacker: ${[...o.loadingReferences, ...(o.reader?.loadingReferences ?? []).map((r) => `reader ${r}`)].join(', ')}`);
  const untested = outcomes.filter((o) => isUntested(o.rendering));
  for (const o of untested) console.log(`UNTESTED ${o.id} (${vectorOf.get(o.id) ?? '?'}): ${o.rendering}${o.detail ? ` (${o.detail})` : ''}`);
  // What Chromium actually rendered must keep the promises the unit tests check in jsdom.
  const win = getSanitizerWindow();
  const markupFindings = outcomes.flatMap((o) => [
    ...auditAcrossReparses(o.renderedHtml, win).map((f) => `${o.id} overlay: ${f.rule} ${f.detail}`),
    ...auditAcrossReparses(o.reader?.renderedHtml ?? '', win).map((f) => `${o.id} reader: ${f.rule} ${f.detail}`),
  ]);
  const readerCount = (rendering: string) => outcomes.filter((o) => o.reader?.rendering === rendering).length;
  for (const o of outcomes.filter((x) => x.reader && x.reader.rendering !== 'article')) console.log(`READER ${o.id}: ${o.reader!.rendering} (${o.reader!.detail ?? ''})`);
  for (const finding of markupFindings) console.log(`MARKUP ${finding}`);

  const count = (rendering: CaseOutcome['rendering']) => outcomes.filter((o) => o.rendering === rendering).length;
  const executed = new Set([...executions.map((e) => e.caseId), ...datasetHits.map((o) => o.id)]).size;
  console.log(`overlay: ${count('article')} articles, ${count('best-effort')} shown anyway, ${untested.length} untested;`
    + ` raw pages ran ${log.pagePhaseExecutions} payloads and made ${log.pagePhaseRequests} attacker requests before the click;`
    + ` ${log.pageReactions.length} page-own reactions after it; ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (options.reader) console.log(`reader page: ${readerCount('article')} saved articles rendered, ${readerCount('not-saved')} not saved, ${readerCount('no-reader')} not rendered`);
  console.log(`self-check: injected handler ${check.handler ? 'seen' : 'NOT seen'}, injected CSS request ${check.request ? 'seen' : 'NOT seen'};`
    + ` rendered markup: ${markupFindings.length} audit findings`);
  // Requests seen on the network, plus loads a cached copy hid from it (counted once per case).
  const requestCount = requests.length + referencing.filter((o) => !requests.some((r) => r.caseId === o.id)).length;
  console.log(`${outcomes.length} inputs, ${executed} executed, ${requestCount} requests`);
  if (options.out) writeFileSync(options.out, `${JSON.stringify({ inputs: outcomes.length, executed, requests: requestCount }, null, 2)}\n`);
  const clean = executed === 0 && requestCount === 0 && markupFindings.length === 0;
  return clean && untested.length === 0 && check.handler && check.request ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
