/**
 * Hostile HTML against the built extension in real Chromium:
 *   npm run test:security -- [--out FILE] [--only SUBSTRING,...] [--lanes N] [--reader-lanes N] [--no-build] [--overlay-only]
 * Serves every case of tests/security/corpus from 127.0.0.1 and runs them in one browser with Folio
 * loaded once, over parallel lanes (a window each). A case lane loads the case, lets the raw page run,
 * presses Folio's toolbar button, waits for the overlay and provokes it (pointer, focus, time), then
 * saves the article; a reader lane opens the saved copy in the saved-article reader page and provokes
 * that too. From the click on, a call of the canary or a request to the attacker's host is counted
 * against Folio. Prints `N inputs, X executed, Y requests`; `--out` writes { inputs, executed,
 * requests }. The rendered article body is also audited like the sanitizer's output in the unit tests.
 * Exits 1 when anything executed, requested or failed the audit, or when a case could not be tested
 * (no overlay: the tab froze or Folio failed; not saved; no reader page) or the detectors could not be
 * proven.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostileCorpus } from '../tests/security/corpus/index.ts';
import { AttackLog } from '../tests/security/runner/attack-log.ts';
import { startCaseServer } from '../tests/security/runner/case-server.ts';
import { runLanes, WorkQueue } from '../tests/security/runner/lanes.ts';
import { isUntested, runCaseInOverlay, saveFromOverlay, type CaseOutcome, type ReaderOutcome } from '../tests/security/runner/overlay-surface.ts';
import { runCaseInReader } from '../tests/security/runner/reader-surface.ts';
import { launchSecurityBrowser } from '../tests/security/runner/security-browser.ts';
import { selfCheck, SELF_CHECK_PREFIX, type SelfCheck } from '../tests/security/runner/self-check.ts';
import { Surface } from '../tests/security/runner/surface-probe.ts';
import { auditAcrossReparses } from '../tests/security/markup-audit.ts';
import { getSanitizerWindow } from './lib/node-dom.ts';
import { EXTENSION_DIR } from '../tests/e2e/harness/extension.ts';

const USAGE = 'usage: npm run test:security -- [--out FILE] [--only SUBSTRING,...] [--lanes N] [--reader-lanes N] [--no-build] [--overlay-only]';
/** A case that takes longer has hung its tab; it is reported untested and its lane gets a new tab. */
const CASE_DEADLINE_MS = 25_000;
/** Small: the overlay fills it, and every repaint of it is rastered in software. */
const VIEWPORT = { width: 800, height: 500 };

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
  lanes: number;
  readerLanes: number;
  build: boolean;
  /** Also save each article and render it in the saved-article reader page. */
  reader: boolean;
}

function parseArguments(argv: string[]): Options {
  const options: Options = { lanes: 6, readerLanes: 3, build: true, reader: true };
  const count = (value: string | undefined) => Math.max(1, Number(value) || 1);
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--out') options.out = argv[++i];
    else if (argument === '--only') options.only = argv[++i];
    else if (argument === '--lanes') options.lanes = count(argv[++i]);
    else if (argument === '--reader-lanes') options.readerLanes = count(argv[++i]);
    else if (argument === '--no-build') options.build = false;
    else if (argument === '--overlay-only') options.reader = false;
    else if (argument === '--help' || argument === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument "${argument}"\n${USAGE}`);
  }
  return options;
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
  const browser = await launchSecurityBrowser(server.port, log, VIEWPORT);
  const { folio } = browser;
  const started = Date.now();
  const outcomes: CaseOutcome[] = [];
  let check: SelfCheck = { handler: false, request: false, scan: false };
  let checking = false;
  const toRead = new WorkQueue<CaseOutcome>();
  const notRead = (detail: string): ReaderOutcome => ({ rendering: 'not-saved', loadingReferences: [], renderedHtml: '', detail });
  try {
    const openLane = async () => Surface.attach(await folio.newWindowPage());
    const overlays = runLanes(options.lanes, WorkQueue.of(cases), openLane, async (tab, hostile) => {
      const outcome = await withDeadline(runCaseInOverlay(folio, tab, server.urlOf(hostile), hostile, log), CASE_DEADLINE_MS, {
        id: hostile.id, rendering: 'no-overlay', datasetChanged: false, loadingReferences: [], renderedHtml: '', detail: `no result within ${CASE_DEADLINE_MS / 1000} s`,
      });
      outcomes.push(outcome);
      const rendered = outcome.rendering === 'article' || outcome.rendering === 'best-effort';
      if (rendered && !checking) {
        checking = true;
        check = await selfCheck(tab, log);
      }
      if (rendered && options.reader) {
        const unsaved = await withDeadline(saveFromOverlay(tab), CASE_DEADLINE_MS, 'timed out');
        if (unsaved) outcome.reader = notRead(unsaved);
        else toRead.push(outcome);
      }
      return isUntested(outcome.rendering) ? 'replace' : 'keep';
    }).finally(() => toRead.close());
    const openReaderLane = async () => {
      const surface = await openLane();
      await surface.goto(browser.readerUrl(''));
      return surface;
    };
    const readers = runLanes(options.reader ? options.readerLanes : 0, toRead, openReaderLane, async (tab, outcome) => {
      outcome.reader = await withDeadline(runCaseInReader(browser, tab, outcome.id), CASE_DEADLINE_MS, { rendering: 'no-reader', loadingReferences: [], renderedHtml: '', detail: 'timed out' });
      return outcome.reader.rendering === 'no-reader' ? 'replace' : 'keep';
    });
    await Promise.all([overlays, readers]);
  } finally {
    await browser.close();
    await server.close();
  }
  const seconds = (Date.now() - started) / 1000;

  const executions = log.executions.filter((e) => !e.caseId.startsWith(SELF_CHECK_PREFIX));
  const requests = log.requests.filter((r) => !r.caseId.startsWith(SELF_CHECK_PREFIX));
  const datasetHits = outcomes.filter((o) => o.datasetChanged);
  const vectorOf = new Map(cases.map((c) => [c.id, c.vector]));
  for (const e of executions) console.log(`EXECUTED ${e.caseId} (${vectorOf.get(e.caseId) ?? '?'}) in ${e.where} ${e.frameUrl}`);
  for (const o of datasetHits) console.log(`EXECUTED ${o.id} (${vectorOf.get(o.id) ?? '?'}) set data-${'pwned'}`);
  for (const r of requests) console.log(`REQUEST ${r.caseId} ${r.url} (${r.resourceType}, seen by ${r.seenBy.join(' and ')})`);
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
  const shown = outcomes.filter((o) => !isUntested(o.rendering));
  const readerCount = (rendering: ReaderOutcome['rendering']) => shown.filter((o) => o.reader?.rendering === rendering).length;
  const unread = options.reader ? shown.filter((o) => o.reader?.rendering !== 'article') : [];
  for (const o of unread) console.log(`READER ${o.id}: ${o.reader?.rendering ?? 'not reached'} (${o.reader?.detail ?? ''})`);
  for (const finding of markupFindings) console.log(`MARKUP ${finding}`);

  const count = (rendering: CaseOutcome['rendering']) => outcomes.filter((o) => o.rendering === rendering).length;
  const executed = new Set([...executions.map((e) => e.caseId), ...datasetHits.map((o) => o.id)]).size;
  const cpu = process.cpuUsage();
  console.log(`overlay: ${count('article')} articles, ${count('best-effort')} shown anyway, ${untested.length} untested;`
    + ` raw pages ran ${log.pagePhaseExecutions} payloads and made ${log.pagePhaseRequests} attacker requests before the click;`
    + ` ${log.pageReactions.length} page-own reactions after it`);
  if (options.reader) console.log(`reader page: ${readerCount('article')} saved articles rendered, ${readerCount('not-saved')} not saved, ${readerCount('no-reader')} not rendered`);
  const saw = (seen: boolean) => (seen ? 'seen' : 'NOT seen');
  console.log(`self-check: injected handler ${saw(check.handler)}, injected CSS request ${saw(check.request)}, injected beacon in the markup scan ${saw(check.scan)};`
    + ` rendered markup: ${markupFindings.length} audit findings`);
  console.log(`time: ${seconds.toFixed(0)} s in the browser over ${options.lanes} case lanes and ${options.reader ? options.readerLanes : 0} reader lanes;`
    + ` this script's own CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s`);
  // Requests seen on the network, plus loads a cached copy hid from it (counted once per case).
  const requestCount = requests.length + referencing.filter((o) => !requests.some((r) => r.caseId === o.id)).length;
  console.log(`${outcomes.length} inputs, ${executed} executed, ${requestCount} requests`);
  if (options.out) writeFileSync(options.out, `${JSON.stringify({ inputs: outcomes.length, executed, requests: requestCount }, null, 2)}\n`);
  const clean = executed === 0 && requestCount === 0 && markupFindings.length === 0;
  const allTested = untested.length === 0 && unread.length === 0 && outcomes.length === cases.length;
  return clean && allTested && check.handler && check.request && check.scan ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(2);
});
