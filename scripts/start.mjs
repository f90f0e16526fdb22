// `npm start`: builds Folio, serves the bundled demo article on 127.0.0.1 and opens Chromium (or
// Chrome) with Folio loaded on it. Without a display it runs headless, presses the toolbar button
// itself and saves a screenshot of the reader. Ctrl+C stops it; `--exit` stops after the demo.
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { extensionLaunchArgs, findChrome } from './lib/find-chrome.mjs';

const DEMO = path.resolve('tests/fixtures/seed/modal-scroll-lock/source.html');
const EXTENSION = path.resolve('.output/chrome-mv3');
const exitAfterDemo = process.argv.includes('--exit');

let chrome;
try {
  chrome = findChrome();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

console.log('Building Folio (wxt build)…');
if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const server = createServer((request, response) => {
  if (request.url === '/' || request.url?.startsWith('/news/')) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    createReadStream(DEMO).pipe(response);
  } else {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const demoUrl = `http://127.0.0.1:${server.address().port}/news/demo-article`;

const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'folio-start-')), {
  executablePath: chrome,
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
  // Root cannot use Chromium's sandbox.
  args: extensionLaunchArgs(EXTENSION, { sandbox: process.getuid?.() !== 0 }),
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);
console.log(`\nFolio is loaded in ${chrome}\nDemo article: ${demoUrl}`);

if (headless) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // A fresh install opens Folio's welcome tab over the demo; a click acts on the tab in front (activeTab).
  const isWelcome = (opened) => opened.url().endsWith('/welcome.html');
  if (!context.pages().some(isWelcome)) await context.waitForEvent('page', { predicate: isWelcome, timeout: 5_000 }).catch(() => undefined);
  await page.bringToFront();
  const cdp = await context.browser().newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((target) => target.url === page.url());
  await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  await page.locator('folio-reader .folio-body p').first().waitFor();
  mkdirSync('artifacts', { recursive: true });
  await page.screenshot({ path: 'artifacts/start-demo.png' });
  console.log('No display here, so Chromium runs headless: Folio pressed its own toolbar button and saved');
  console.log('a screenshot of the reader at artifacts/start-demo.png.');
} else {
  console.log('Click the Folio button in the toolbar (pin it from the puzzle-piece menu) or press Alt+Shift+R.');
}

if (exitAfterDemo) {
  await context.close();
  server.close();
} else {
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await context.close().catch(() => undefined);
    server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  context.on('close', () => stop());
}
