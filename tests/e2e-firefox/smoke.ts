/**
 * Firefox smoke test (npm run test:firefox): installs the Firefox build into Debian's firefox-esr
 * through puppeteer-core (WebDriver BiDi), then checks on the seed page that detection marks the
 * toolbar icon, that the reader script extracts the story and shows the overlay (injected as the
 * background injects it on a click), and that Esc closes it. Prints "N passed, N failed".
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFixtureServer } from '../e2e/harness/server.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
const EXTENSION = path.resolve('.output/firefox-mv2');
const GECKO_ID = 'folio@folio-reader.org';
const UUID = '6f1f4c2e-5b0a-4c1e-9d3a-2f5e8b7c9a10';
const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

type Check = [name: string, run: () => Promise<void>];

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Opens an extension page: goto() on moz-extension:// never resolves, so poll for it instead. */
async function openExtensionPage(browser: Browser, pagePath: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(`${EXTENSION_ORIGIN}/${pagePath}`).catch(() => undefined);
  await waitFor('the extension page', () => page.evaluate(() => location.href.startsWith('moz-extension:') && document.readyState === 'complete'));
  return page;
}

async function main(): Promise<void> {
  if (!existsSync(FIREFOX)) {
    console.error(`Firefox ESR not found at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
    process.exit(1);
  }
  const server = await startFixtureServer();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  let passed = 0;
  let failed = 0;
  try {
    await browser.installExtension(EXTENSION);
    const article = await browser.newPage();
    const seedUrl = server.url('seed/modal-scroll-lock/source.html');
    await article.goto(seedUrl);
    const extensionPage = await openExtensionPage(browser, 'options.html');
    const tabId = await waitFor('the article tab', () =>
      extensionPage.evaluate(async (url) => {
        const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
        const tabs = await ext.tabs.query({});
        return tabs.find((tab) => tab.url === url)?.id;
      }, seedUrl),
    );
    const checks: Check[] = [
      [
        'detection marks the toolbar icon on the article',
        async () => {
          await waitFor('the badge', () =>
            extensionPage.evaluate(async (id) => {
              const ext = (globalThis as unknown as { browser: { browserAction: typeof chrome.action } }).browser;
              return (await ext.browserAction.getBadgeText({ tabId: id })) === '✓';
            }, tabId),
          );
        },
      ],
      [
        'the reader shows the 16 paragraphs, byline and publisher',
        async () => {
          await extensionPage.evaluate(async (id) => {
            const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
            await ext.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/reader.js'] });
          }, tabId);
          await article.bringToFront();
          const shown = await waitFor('the overlay', () =>
            article.evaluate(() => {
              const root = document.querySelector('folio-reader')?.shadowRoot;
              const paragraphs = root?.querySelectorAll('.folio-body p').length ?? 0;
              return paragraphs > 0 && { paragraphs, byline: root?.querySelector('.folio-byline')?.textContent, site: root?.querySelector('.folio-site')?.textContent };
            }),
          );
          if (shown.paragraphs !== 16 || shown.byline !== 'Gustaf Kilander' || shown.site !== 'The Independent UK') throw new Error(`overlay showed ${JSON.stringify(shown)}`);
        },
      ],
      [
        'Esc closes the reader',
        async () => {
          await article.keyboard.press('Escape');
          await waitFor('the overlay to close', () => article.evaluate(() => document.querySelector('folio-reader') === null));
        },
      ],
      [
        'a 50,000-element page is read by the background page (off the page) and shows its story',
        async () => {
          const huge = await browser.newPage();
          const hugeUrl = server.url('odd/huge.html');
          await huge.goto(hugeUrl);
          const hugeTab = await waitFor('the big page tab', () =>
            extensionPage.evaluate(async (url) => {
              const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
              return (await ext.tabs.query({})).find((tab) => tab.url === url)?.id;
            }, hugeUrl),
          );
          await extensionPage.evaluate(async (id) => {
            const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
            await ext.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/reader.js'] });
          }, hugeTab);
          await huge.bringToFront();
          const text = await waitFor(
            'the story',
            () => huge.evaluate(() => document.querySelector('folio-reader')?.shadowRoot?.querySelector('.folio-body, .folio-no-article:not(.folio-reading-long-page)')?.textContent),
            30_000,
          );
          const copied = await huge.evaluate(() => performance.getEntriesByName('folio:serialize').length > 0);
          if (!copied || !text.includes('the readings have been taken at nine every morning')) throw new Error(`copied=${copied}, showed ${text.slice(0, 120)}`);
          await huge.close();
        },
      ],
    ];
    for (const [name, run] of checks) {
      try {
        await run();
        passed++;
        console.log(`  ✓ ${name}`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${name}: ${(error as Error).message}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`firefox: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
