import type { Page } from 'playwright-core';
import { ATTACKER_HOST, CANARY_DATASET_KEY } from '../corpus/canary';
import type { HostileCase } from '../corpus/types';
import type { AttackLog } from './attack-log';
import type { FolioBrowser } from './folio-browser';

/** What Folio showed for one case. */
export type Rendering = 'article' | 'best-effort' | 'no-article' | 'no-overlay' | 'page-error';

/** Renderings after which the case was not tested (and the tab may be hung). */
export function isUntested(rendering: Rendering): boolean {
  return rendering === 'no-overlay' || rendering === 'page-error' || rendering === 'no-article';
}

export interface CaseOutcome {
  id: string;
  rendering: Rendering;
  /** The root element's `data-pwned` changed after the click (the fallback canary). */
  datasetChanged: boolean;
  /** References to the attacker's host that the rendered overlay would load (see `scanRenderedOverlay`). */
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
const AFTER_RENDER_MS = 400;

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the raw page has stopped setting off its own payloads (the page phase). */
async function settle(log: AttackLog, id: string): Promise<void> {
  const start = Date.now();
  await sleep(SETTLE_MS);
  while (log.quietFor(id) < SETTLE_MS && Date.now() - start < MAX_SETTLE_MS) await sleep(SETTLE_MS / 2);
}

function readDatasetCanary(page: Page): Promise<string | null> {
  return page.evaluate((key) => document.documentElement.dataset[key] ?? null, CANARY_DATASET_KEY).catch(() => null);
}

/** Shows the overlay; on "no article" presses "show it anyway" so the body is rendered all the same. */
async function showOverlay(browser: FolioBrowser, page: Page): Promise<Rendering> {
  await browser.pressToolbarButton(page);
  const reader = page.locator('.folio-reader');
  await reader.waitFor({ state: 'attached', timeout: OVERLAY_TIMEOUT_MS });
  const body = page.locator('.folio-reader .folio-body');
  const noArticle = page.locator('.folio-reader .folio-no-article');
  await body.or(noArticle).first().waitFor({ state: 'attached', timeout: OVERLAY_TIMEOUT_MS });
  if (await body.count()) return 'article';
  const showAnyway = noArticle.locator('button.folio-button-primary');
  if (!(await showAnyway.count())) return 'no-article';
  await showAnyway.click();
  await body.waitFor({ state: 'attached', timeout: OVERLAY_TIMEOUT_MS });
  return 'best-effort';
}

/**
 * Gives surviving payloads their triggers: pointer moves across the viewport (hover and pointer
 * handlers on covering elements), Tab presses (focus handlers), and time for load, error, animation
 * and toggle events.
 */
async function provoke(page: Page): Promise<void> {
  for (const [x, y] of [[40, 40], [640, 400], [1200, 760]] as const) await page.mouse.move(x, y);
  // Hover what is left of the payload: elements of the body other than the article's own prose.
  const body = page.locator('.folio-reader .folio-body').first();
  const count = await body.evaluate((root) => {
    const prose = new Set(['p', 'figure', 'img', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'nav', 'main', 'footer', 'article', 'div', 'section', 'br']);
    let marked = 0;
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (marked < 8 && !prose.has(element.localName)) element.setAttribute('data-folio-probe', String(marked++));
    }
    return marked;
  }).catch(() => 0);
  for (let i = 0; i < count; i++) {
    const box = await body.locator(`[data-folio-probe="${i}"]`).evaluate((element) => {
      element.scrollIntoView({ block: 'center' });
      const rect = element.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }).catch(() => null);
    if (box) await page.mouse.move(box.x, box.y);
  }
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await sleep(AFTER_RENDER_MS);
}

/**
 * Lists what in the rendered overlay would load from the attacker's host, without relying on the
 * network: Chromium reuses, within one document, a CSS image the raw page already fetched (or failed
 * to fetch) for the same URL, so the overlay's own `url()` to it makes no new request. Computed
 * styles, style sheets and loading attributes still show it.
 */
async function scanRenderedOverlay(page: Page, attackerHost: string): Promise<string[]> {
  return page.locator('.folio-reader').first().evaluate((reader, host) => {
    const root = reader.getRootNode() as ShadowRoot | Document;
    const found: string[] = [];
    const onAttacker = (url: string) => {
      try {
        return new URL(url.trim(), document.baseURI).hostname === host;
      } catch {
        return false;
      }
    };
    // Attributes whose URL the browser fetches without a click (links, cite, longdesc never load).
    const loading: Record<string, (element: Element, value: string) => string[]> = {
      src: (_e, v) => [v], poster: (_e, v) => [v], data: (_e, v) => [v], background: (_e, v) => [v],
      lowsrc: (_e, v) => [v], dynsrc: (_e, v) => [v], codebase: (_e, v) => [v], attributionsrc: (_e, v) => [v],
      srcset: (_e, v) => v.split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''),
      href: (e, v) => (['link', 'base', 'image', 'use', 'feimage', 'script'].includes(e.localName.toLowerCase()) ? [v] : []),
      'xlink:href': (e, v) => (['image', 'use', 'feimage', 'script'].includes(e.localName.toLowerCase()) ? [v] : []),
      content: (e, v) => (e.localName === 'meta' ? [v.replace(/^[^;]*;\s*url\s*=\s*['"]?/i, '').replace(/['"]$/, '')] : []),
    };
    const styleProperties = ['background-image', 'list-style-image', 'border-image-source', 'mask-image', '-webkit-mask-image', 'cursor', 'content', 'filter', 'fill', 'stroke', 'clip-path', 'shape-outside'];
    for (const element of Array.from(root.querySelectorAll('*'))) {
      const name = element.localName;
      const style = getComputedStyle(element);
      for (const property of styleProperties) {
        if (style.getPropertyValue(property).includes(host)) found.push(`<${name}> style ${property}`);
      }
      for (const attribute of Array.from(element.attributes)) {
        const urls = loading[attribute.name.toLowerCase()]?.(element, attribute.value) ?? [];
        if (urls.some(onAttacker)) found.push(`<${name}> ${attribute.name}`);
      }
      if (name === 'style' && (element.textContent ?? '').includes(host)) found.push('<style> sheet');
    }
    return found;
  }, attackerHost).catch(() => []);
}

/** The rendered article body as Chromium serializes it, for the markup audit (empty when absent). */
async function renderedBody(page: Page): Promise<string> {
  // eslint-disable-next-line no-restricted-properties -- reads what Folio rendered; nothing is written
  return page.locator('.folio-reader .folio-body').first().evaluate((body) => body.innerHTML).catch(() => '');
}

/** One case through the overlay: load the page, let it run, press Folio's button, provoke, look. */
export async function runCaseInOverlay(browser: FolioBrowser, page: Page, url: string, hostile: HostileCase, log: AttackLog): Promise<CaseOutcome> {
  log.setPhase(hostile.id, 'page');
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 });
    // A page whose own payload starts a navigation (a form that submits itself) may never fire load.
    await page.waitForLoadState('load', { timeout: 5_000 }).catch(() => undefined);
  } catch (error) {
    // That navigation (answered 204, so the page stays) can also leave the wait for the case page
    // pending although it is loaded: go on when the case page is there.
    const stayed = page.url() === url && (await page.evaluate(() => document.readyState).catch(() => 'loading')) !== 'loading';
    if (!stayed) {
      log.setPhase(hostile.id, 'folio');
      return { id: hostile.id, rendering: 'page-error', datasetChanged: false, loadingReferences: [], renderedHtml: '', detail: String(error).split('\n')[0] };
    }
  }
  await settle(log, hostile.id);
  const before = await readDatasetCanary(page);
  log.setPhase(hostile.id, 'folio');
  let rendering: Rendering;
  let detail: string | undefined;
  let loadingReferences: string[] = [];
  let renderedHtml = '';
  try {
    rendering = await showOverlay(browser, page);
    await provoke(page);
    loadingReferences = await scanRenderedOverlay(page, ATTACKER_HOST);
    renderedHtml = await renderedBody(page);
  } catch (error) {
    rendering = 'no-overlay';
    detail = String(error).split('\n')[0];
  }
  const after = await readDatasetCanary(page);
  return { id: hostile.id, rendering, datasetChanged: after !== before, loadingReferences, renderedHtml, ...(detail ? { detail } : {}) };
}

export interface ReaderOutcome {
  rendering: 'article' | 'not-saved' | 'no-reader';
  loadingReferences: string[];
  renderedHtml: string;
  detail?: string;
}

/**
 * The second surface: presses "Save" in the overlay, opens the saved copy in the extension's reader
 * page (a fresh extension-origin document, where no raw page ran first), and provokes and scans it
 * as the overlay was. Execution and requests are still counted by the log (the case stays in its
 * `folio` phase).
 */
export async function runCaseInReader(browser: FolioBrowser, page: Page, hostile: HostileCase): Promise<ReaderOutcome> {
  const save = page.locator('.folio-reader .folio-save').first();
  try {
    if (!(await save.isEnabled({ timeout: 2_000 }))) return { rendering: 'not-saved', loadingReferences: [], renderedHtml: '', detail: 'save unavailable' };
    await save.click({ timeout: 3_000 });
    await page.locator('.folio-reader .folio-save', { hasText: 'Saved' }).waitFor({ timeout: 8_000 });
  } catch (error) {
    return { rendering: 'not-saved', loadingReferences: [], renderedHtml: '', detail: String(error).split('\n')[0] };
  }
  const id = await browser.findSavedId(hostile.id).catch(() => null);
  if (!id) return { rendering: 'not-saved', loadingReferences: [], renderedHtml: '', detail: 'saved record not found' };
  try {
    await page.goto(browser.readerUrl(id), { waitUntil: 'domcontentloaded', timeout: 15_000 });
    await page.locator('.folio-reader .folio-body').first().waitFor({ state: 'attached', timeout: OVERLAY_TIMEOUT_MS });
    await provoke(page);
    return { rendering: 'article', loadingReferences: await scanRenderedOverlay(page, ATTACKER_HOST), renderedHtml: await renderedBody(page) };
  } catch (error) {
    return { rendering: 'no-reader', loadingReferences: [], renderedHtml: '', detail: String(error).split('\n')[0] };
  }
}

export const SELF_CHECK_PREFIX = 'selfcheck-';

/**
 * Proves the detectors work in this browser before their silence is trusted: writes an unsanitized
 * handler and a CSS beacon straight into the rendered overlay body (what a broken sanitizer would
 * let through) and returns whether both were seen.
 */
export async function selfCheck(page: Page, log: AttackLog): Promise<{ handler: boolean; request: boolean }> {
  const handlerId = `${SELF_CHECK_PREFIX}handler`;
  const requestId = `${SELF_CHECK_PREFIX}css`;
  await page.locator('.folio-reader .folio-body').first().evaluate((body, ids) => {
    // Deliberately unsanitized: this is the harness imitating a sanitizer that let markup through.
    body.insertAdjacentHTML('beforeend', `<img src="/missing.png" onerror="__folioPwned('${ids.handlerId}')">`
      + `<p style="background:url(http://attacker.test/${ids.requestId}/bg.png);height:20px">x</p>`);
  }, { handlerId, requestId });
  await sleep(1000);
  return {
    handler: log.executions.some((e) => e.caseId === handlerId),
    request: log.requests.some((r) => r.caseId === requestId),
  };
}
