/**
 * npm run bench:detect [-- --dataset DIR] [--out FILE] [--limit N] [--only PREFIX,PREFIX]
 * In real Chromium with the built extension, over every page of the article-extraction benchmark:
 * the detection content script's time per page (its `folio:detect` performance entry), the size of
 * what is injected into every page, and click-to-overlay time (toolbar button → reader text shown).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { launchWithExtension, EXTENSION_DIR } from '../tests/e2e/harness/extension.ts';
import { readHtmlFile } from './lib/read-html-file.ts';
import { percentile, printTable } from './lib/bench-report.ts';

function option(name: string, fallback?: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const datasetDir = path.resolve(option('dataset', '../shared/datasets/article-extraction-benchmark')!);
const outFile = option('out');
const limit = Number(option('limit', '100000'));
// Re-measure a few pages by file-name prefix, e.g. the ones a full run reported errors for.
const only = option('only')?.split(',').filter(Boolean) ?? [];

function injectedScripts(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[]; css?: string[] }> };
  return (manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]);
}

async function main(): Promise<void> {
  if (spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' }).status !== 0) throw new Error('wxt build failed');
  const injected = injectedScripts().map((file) => readFileSync(path.join(EXTENSION_DIR, file)));
  const injectedBytes = injected.reduce((sum, bytes) => sum + bytes.length, 0);
  const injectedBytesGzip = injected.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0);

  const htmlDir = path.join(datasetDir, 'html');
  const files = readdirSync(htmlDir).filter((file) => file.endsWith('.html.gz') || file.endsWith('.html')).filter((file) => only.length === 0 || only.some((prefix) => file.startsWith(prefix))).sort().slice(0, limit);
  // Pages are answered by the browser context itself under an https origin: several dataset pages
  // carry scripts that move an http page to https, which took them away from a plain local server.
  const origin = 'https://articles.bench.test';
  const folio = await launchWithExtension();
  // The pages' own images, fonts and scripts live on the internet, which these machines cannot reach.
  await folio.context.route(
    () => true,
    (route) => {
      const url = new URL(route.request().url());
      const file = path.basename(url.pathname);
      if (url.origin !== origin || !files.includes(file)) return route.abort();
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readHtmlFile(path.join(htmlDir, file)) });
    },
  );
  const page = await folio.context.newPage();
  const detectMs: number[] = [];
  const clickMs: number[] = [];
  const extractMs: number[] = [];
  const pages: Array<{ file: string; detectMs: number | null; clickToOverlayMs: number | null }> = [];
  for (const file of files) {
    let detect: number | null = null;
    let click: number | null = null;
    try {
      await page.goto(`${origin}/${file}`, { waitUntil: 'domcontentloaded', timeout: 20_000 });
      await page.waitForFunction(() => performance.getEntriesByName('folio:detect').length > 0, undefined, { timeout: 5_000 });
      detect = await page.evaluate(() => performance.getEntriesByName('folio:detect')[0]!.duration);
      detectMs.push(detect);
      const started = performance.now();
      await folio.pressToolbarButton(page);
      await page.locator('folio-reader .folio-title').waitFor({ timeout: 10_000 });
      click = performance.now() - started;
      clickMs.push(click);
      extractMs.push(await page.evaluate(() => performance.getEntriesByName('folio:extract').at(-1)?.duration ?? 0));
      await page.keyboard.press('Escape');
    } catch (error) {
      console.error(`${file}: ${(error as Error).message.split('\n')[0]}`);
    }
    pages.push({ file, detectMs: detect, clickToOverlayMs: click });
  }
  await folio.close();

  const result = {
    injectedBytes,
    injectedBytesGzip,
    detectMedianMs: percentile(detectMs, 50),
    detectP95Ms: percentile(detectMs, 95),
    clickToOverlayMedianMs: percentile(clickMs, 50),
    clickToOverlayP95Ms: percentile(clickMs, 95),
    extractInPageMedianMs: percentile(extractMs, 50),
    extractInPageP95Ms: percentile(extractMs, 95),
    pagesMeasured: detectMs.length,
    pages,
  };
  printTable(`Detection and click-to-overlay in Chromium (${detectMs.length} of ${files.length} pages)`, [
    ['injected into every page', `${(injectedBytes / 1024).toFixed(1)} KB (${(injectedBytesGzip / 1024).toFixed(1)} KB gzip)`, 'goal < 20 KB gzip'],
    ['detection median', `${result.detectMedianMs.toFixed(2)} ms`, ''],
    ['detection p95', `${result.detectP95Ms.toFixed(2)} ms`, 'goal < 5 ms'],
    ['click → overlay median', `${result.clickToOverlayMedianMs.toFixed(0)} ms`, ''],
    ['click → overlay p95', `${result.clickToOverlayP95Ms.toFixed(0)} ms`, 'goal < 300 ms'],
    ['  of which extraction, median', `${result.extractInPageMedianMs.toFixed(0)} ms`, ''],
    ['  of which extraction, p95', `${result.extractInPageP95Ms.toFixed(0)} ms`, ''],
  ]);
  if (outFile) writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
