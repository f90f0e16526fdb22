/**
 * The quality benchmark's browser mode, Node side: bundles scripts/bench-browser/page-harness.ts with
 * Vite's build API (Vite is already a dev dependency: WXT's and Vitest's bundler), launches headless
 * Chromium (Debian's, found as the e2e harness finds it; no extension) and runs every extraction in its
 * one page. Only the extraction call is timed, by the page's own `performance.now()` (Chromium rounds
 * it to 0.1 ms in a page that is not cross-origin isolated: small beside extractions of tens of ms);
 * what the scorer needs comes back to Node.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, type Rollup } from 'vite';
import type { BenchHost } from '../lib/bench-quality-run.ts';
import { findChrome, quietBrowserArgs } from '../lib/find-chrome.mjs';
import type { BenchPageApi } from './page-harness.ts';

const HARNESS = fileURLToPath(new URL('./page-harness.ts', import.meta.url));

/** The harness and everything it imports as one classic script (an IIFE), kept in memory. */
async function bundleHarness(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: HARNESS, formats: ['iife'], name: 'folioBenchHarness' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item): item is Rollup.OutputChunk => item.type === 'chunk');
  if (!chunk) throw new Error('bundling the bench page harness produced no script');
  return chunk.code;
}

export async function openChromiumBenchHost(): Promise<BenchHost> {
  const script = await bundleHarness();
  const browser = await chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: quietBrowserArgs({ sandbox: process.getuid?.() !== 0 }),
  });
  try {
    const page = await browser.newPage();
    // about:blank: no network, nothing of its own running beside the extractions.
    await page.addScriptTag({ content: script });
    const browserVersion = `Chromium ${browser.version()}`;
    return {
      browserVersion,
      extract: (name, html, url) =>
        page.evaluate(([n, h, u]) => (globalThis as unknown as { folioBench: BenchPageApi }).folioBench.extract(n, h, u), [name, html, url] as const),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
