/**
 * The quality benchmark's browser mode, Node side: bundles scripts/bench-browser/page-harness.ts with
 * Vite's build API (Vite is already a dev dependency: WXT's and Vitest's bundler), launches headless
 * Chromium (Debian's, found as the e2e harness finds it; no extension) and runs every extraction in its
 * one page. Only the extraction call is timed, by the page's own `performance.now()` (Chromium rounds
 * it to 0.1 ms in a page that is not cross-origin isolated: small beside extractions of tens of ms);
 * what the scorer needs comes back to Node.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { bundleForPage } from './bundle-for-page.ts';
import type { BenchHost } from '../lib/bench-quality-run.ts';
import type { FolioRun } from '../lib/folio-run-output.ts';
import { findChrome, quietBrowserArgs } from '../lib/find-chrome.mjs';
import type { BenchPageApi } from './page-harness.ts';

const HARNESS = fileURLToPath(new URL('./page-harness.ts', import.meta.url));

/** The harness loaded in one page of a headless Chromium of its own. */
interface HarnessPage {
  page: Page;
  browserVersion: string;
  close(): Promise<void>;
}

async function openHarnessPage(): Promise<HarnessPage> {
  const script = await bundleForPage(HARNESS, 'folioBenchHarness');
  const browser = await chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: quietBrowserArgs({ sandbox: process.getuid?.() !== 0 }),
  });
  try {
    const page = await browser.newPage();
    // about:blank: no network, nothing of its own running beside the extractions.
    await page.addScriptTag({ content: script });
    return { page, browserVersion: `Chromium ${browser.version()}`, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

type HarnessGlobal = typeof globalThis & { folioBench: BenchPageApi };

export async function openChromiumBenchHost(): Promise<BenchHost> {
  const { page, browserVersion, close } = await openHarnessPage();
  return {
    browserVersion,
    extract: (name, html, url) => page.evaluate(([n, h, u]) => (globalThis as HarnessGlobal).folioBench.extract(n, h, u), [name, html, url] as const),
    close,
  };
}

/** bench:folio-steps' browser mode: Folio alone in the harness page, and the page's CPU profile on request. */
export interface ChromiumFolioHost {
  browserVersion: string;
  run(html: string, url: string, debug: boolean): Promise<FolioRun>;
  /** Starts Chromium's sampling profiler (DevTools protocol) in the page. */
  startProfile(): Promise<void>;
  /** Stops it and returns the profile (a `.cpuprofile`: DevTools' Performance panel opens it). */
  stopProfile(): Promise<unknown>;
  close(): Promise<void>;
}

export async function openChromiumFolioHost(): Promise<ChromiumFolioHost> {
  const { page, browserVersion, close } = await openHarnessPage();
  const cdp = await page.context().newCDPSession(page);
  return {
    browserVersion,
    run: (html, url, debug) => page.evaluate(([h, u, d]) => (globalThis as HarnessGlobal).folioBench.folio(h, u, d), [html, url, debug] as const),
    async startProfile() {
      await cdp.send('Profiler.enable');
      // 100 µs: fine enough for rules that take a fraction of a millisecond per page.
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    },
    stopProfile: async () => (await cdp.send('Profiler.stop')).profile,
    close,
  };
}
