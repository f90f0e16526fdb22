import type { ExtensionBrowser } from '../../e2e/harness/extension';
import { ATTACKER_HOST, CANARY_DATASET_KEY } from '../corpus/canary';
import type { HostileCase } from '../corpus/types';
import type { AttackLog } from './attack-log';
import { sleep, type Surface } from './surface-probe';

/** What Folio showed for one case. */
export type Rendering = 'article' | 'best-effort' | 'no-article' | 'no-overlay' | 'page-error';

/** Renderings after which the case was not tested (and the tab may be hung). */
export function isUntested(rendering: Rendering): boolean {
  return rendering === 'no-overlay' || rendering === 'page-error' || rendering === 'no-article';
}

export interface ReaderOutcome {
  rendering: 'article' | 'not-saved' | 'no-reader';
  loadingReferences: string[];
  renderedHtml: string;
  detail?: string;
}

export interface CaseOutcome {
  id: string;
  rendering: Rendering;
  /** The root element's `data-pwned` changed after the click (the fallback canary). */
  datasetChanged: boolean;
  /** References to the attacker's host that the rendered overlay would load (see `Surface.scan`). */
  loadingReferences: string[];
  /** The overlay's article body as rendered, for the markup audit. */
  renderedHtml: string;
  /** The saved-article reader page for the same case (after "Save" in the overlay). */
  reader?: ReaderOutcome;
  detail?: string;
}

const SETTLE_MS = 250;
const MAX_SETTLE_MS = 3000;
const OVERLAY_TIMEOUT_MS = 8_000;

/** Waits until the raw page has stopped setting off its own payloads (the page phase). */
async function settle(log: AttackLog, id: string): Promise<void> {
  const start = Date.now();
  await sleep(SETTLE_MS);
  while (log.quietFor(id) < SETTLE_MS && Date.now() - start < MAX_SETTLE_MS) await sleep(SETTLE_MS / 2);
}

/** Shows the overlay; on "no article" presses "show it anyway" so the body is rendered all the same. */
async function showOverlay(folio: ExtensionBrowser, surface: Surface): Promise<Rendering> {
  await folio.pressToolbarButton(surface.page);
  const shown = await surface.waitForArticle(OVERLAY_TIMEOUT_MS);
  if (shown === 'timeout') throw new Error(`no overlay within ${OVERLAY_TIMEOUT_MS / 1000} s`);
  if (shown === 'body') return 'article';
  if (await surface.click('.folio-reader .folio-no-article button.folio-button-primary')) return 'no-article';
  if ((await surface.waitForArticle(OVERLAY_TIMEOUT_MS)) !== 'body') throw new Error('"show it anyway" showed nothing');
  return 'best-effort';
}

/** Loads the case page; null when it is there, else why not. */
async function loadCase(surface: Surface, url: string): Promise<string | null> {
  try {
    await surface.goto(url);
    // A page whose own payload starts a navigation (a form that submits itself) may never fire load.
    await surface.page.waitForLoadState('load', { timeout: 5_000 }).catch(() => undefined);
    return null;
  } catch (error) {
    // That navigation (answered 204, so the page stays) can also leave the wait for the case page
    // pending although it is loaded: go on when the case page is there.
    const state = await surface.run(() => document.readyState, undefined).catch(() => 'loading');
    return surface.page.url() === url && state !== 'loading' ? null : String(error).split('\n')[0]!;
  }
}

/** One case through the overlay: load the page, let it run, press Folio's button, provoke, look. */
export async function runCaseInOverlay(folio: ExtensionBrowser, surface: Surface, url: string, hostile: HostileCase, log: AttackLog): Promise<CaseOutcome> {
  log.setPhase(hostile.id, 'page');
  const loadError = await loadCase(surface, url);
  if (loadError) {
    log.setPhase(hostile.id, 'folio');
    return { id: hostile.id, rendering: 'page-error', datasetChanged: false, loadingReferences: [], renderedHtml: '', detail: loadError };
  }
  await settle(log, hostile.id);
  const before = await surface.readDataset(CANARY_DATASET_KEY);
  log.setPhase(hostile.id, 'folio');
  let rendering: Rendering;
  let detail: string | undefined;
  let loadingReferences: string[] = [];
  let renderedHtml = '';
  try {
    rendering = await showOverlay(folio, surface);
    await surface.provoke();
    loadingReferences = await surface.scan(ATTACKER_HOST);
    renderedHtml = await surface.renderedBody();
  } catch (error) {
    rendering = 'no-overlay';
    detail = String(error).split('\n')[0];
  }
  const after = await surface.readDataset(CANARY_DATASET_KEY);
  return { id: hostile.id, rendering, datasetChanged: after !== before, loadingReferences, renderedHtml, ...(detail ? { detail } : {}) };
}

/** Presses "Save" in the open overlay and waits for "Saved"; null when saved, else why not. */
export async function saveFromOverlay(surface: Surface): Promise<string | null> {
  try {
    const unclicked = await surface.click('.folio-reader .folio-save');
    if (unclicked) return unclicked;
    return (await surface.waitForText('.folio-reader .folio-save', 'Saved', 8_000)) ? null : 'no "Saved" within 8 s';
  } catch (error) {
    return String(error).split('\n')[0]!;
  }
}
