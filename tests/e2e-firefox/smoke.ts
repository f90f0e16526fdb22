/**
 * Firefox smoke test (npm run test:firefox): installs the Firefox build into Debian's firefox-esr
 * through puppeteer-core (WebDriver BiDi), then checks the least-privilege flow and the main path:
 * a fresh install holds no access to sites; the onboarding button, clicked for real, grants it and
 * detection starts (Firefox's test pref answers the permission prompt, see below); detection marks the
 * toolbar icon; a preference written to storage.sync is read back and applied (reader theme, and
 * detection turned off, which unregisters the script); the reader script extracts the story and shows
 * the overlay (injected as the background injects it on a click); Esc closes it; a multi-page story
 * appends its page 2 on Continue (the content script's fetch in Firefox); a reading-list entry
 * written to storage.sync as another device's sync engine writes it appears in the library, downloads
 * when first opened in the reader page, and a preference arriving then applies to that page at once.
 * Prints "N passed, N failed".
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFixtureServer } from '../e2e/harness/server.ts';
import { itemsFromAnotherDevice, syncedEntry } from '../e2e/harness/sync-items.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
const EXTENSION = path.resolve('.output/firefox-mv2');
const GECKO_ID = 'folio@folio-reader.org';
const UUID = '6f1f4c2e-5b0a-4c1e-9d3a-2f5e8b7c9a10';
const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

type Check = [name: string, run: () => Promise<void>];
/** The extension's APIs as an extension page sees them (Firefox's `browser`, MV2: browserAction). */
type Ext = typeof chrome & { browserAction: typeof chrome.action };

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

/** The extension's APIs, inside an extension page (for functions passed to page.evaluate). */
declare const browser: Ext;

async function main(): Promise<void> {
  if (!existsSync(FIREFOX)) {
    console.error(`Firefox ESR not found at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
    process.exit(1);
  }
  const server = await startFixtureServer();
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // TEST ONLY: Firefox's own switch that grants optional permissions without showing its prompt.
      // It still requires the request to come from a user action, so the real click below is checked.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  let passed = 0;
  let failed = 0;
  try {
    await firefox.installExtension(EXTENSION);
    const welcome = await waitFor('the onboarding page', async () => {
      for (const candidate of await firefox.pages()) {
        // A tab the extension opened can still report about:blank to puppeteer: ask the page itself.
        const href = await candidate.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`${EXTENSION_ORIGIN}/welcome.html`)) return candidate;
      }
      return undefined;
    });
    await waitFor('the onboarding page to load', () => welcome.evaluate(() => document.readyState === 'complete' && document.querySelector('[role=status]')?.textContent === 'Folio is in click-only mode.'));
    const extensionPage = await openExtensionPage(firefox, 'options.html');
    const registered = () => extensionPage.evaluate(async () => (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id));
    const article = await firefox.newPage();
    const seedUrl = server.url('seed/modal-scroll-lock/source.html');
    const tabIdOf = (url: string) =>
      waitFor('the article tab', () => extensionPage.evaluate(async (wanted) => (await browser.tabs.query({})).find((tab) => tab.url === wanted)?.id, url));

    const SYNCED_TITLE = 'Saved on another device: the Oval Office showdown';
    let syncedHref = '';
    let readerPage: Page | undefined;

    const checks: Check[] = [
      [
        'a fresh install holds no access to sites and registers no detection script',
        async () => {
          const origins = await extensionPage.evaluate(async () => (await browser.permissions.getAll()).origins ?? []);
          const scripts = await registered();
          if (origins.length > 0 || scripts.length > 0) throw new Error(`origins ${JSON.stringify(origins)}, scripts ${JSON.stringify(scripts)}`);
        },
      ],
      [
        'a real click on the onboarding button grants access to all sites and turns detection on',
        async () => {
          await welcome.bringToFront();
          await welcome.locator('button').filter((button) => button.textContent === 'Turn on automatic detection').click();
          await waitFor('the status', () => welcome.evaluate(() => document.querySelector('[role=status]')?.textContent === 'Automatic detection is on.'));
          await waitFor('the detection script', async () => (await registered()).includes('folio-detect'));
        },
      ],
      [
        'detection marks the toolbar icon on the article',
        async () => {
          await article.bringToFront();
          await article.goto(seedUrl);
          const tabId = await tabIdOf(seedUrl);
          await waitFor('the badge', () => extensionPage.evaluate(async (id) => (await browser.browserAction.getBadgeText({ tabId: id })) === '✓', tabId));
        },
      ],
      [
        'a reader preference written to storage.sync is read back and applied to the reader',
        async () => {
          const stored = await extensionPage.evaluate(async () => {
            const { readerPrefs } = await browser.storage.sync.get('readerPrefs');
            await browser.storage.sync.set({ readerPrefs: { ...(readerPrefs as object | undefined), theme: 'dark', fontSize: 24 } });
            return (await browser.storage.sync.get('readerPrefs')).readerPrefs as { theme?: string; fontSize?: number };
          });
          if (stored.theme !== 'dark' || stored.fontSize !== 24) throw new Error(`storage.sync read back ${JSON.stringify(stored)}`);
        },
      ],
      [
        'the reader shows the 16 paragraphs, byline and publisher, in the synced theme',
        async () => {
          const tabId = await tabIdOf(seedUrl);
          await extensionPage.evaluate(async (id) => void (await browser.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/reader.js'] })), tabId);
          await article.bringToFront();
          const shown = await waitFor('the overlay', () =>
            article.evaluate(() => {
              const root = document.querySelector('folio-reader')?.shadowRoot;
              const paragraphs = root?.querySelectorAll('.folio-body p').length ?? 0;
              return paragraphs > 0 && { paragraphs, byline: root?.querySelector('.folio-byline')?.textContent, site: root?.querySelector('.folio-site')?.textContent };
            }),
          );
          if (shown.paragraphs !== 16 || shown.byline !== 'Gustaf Kilander' || shown.site !== 'The Independent UK') throw new Error(`overlay showed ${JSON.stringify(shown)}`);
          // The overlay paints with defaults first and applies the stored preferences once they load.
          await waitFor('the synced dark theme', () =>
            article.evaluate(() => document.querySelector('folio-reader')?.shadowRoot?.querySelector<HTMLElement>('.folio-reader')?.dataset.theme === 'dark'),
          );
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
        'a page that requires Trusted Types and allows no policy is read and shown',
        async () => {
          // The strictest Trusted Types page (every HTML sink needs a trusted value, no policy may be made):
          // the content script's world is not bound by it, and the sanitizer asks it for no policy.
          const strict = await firefox.newPage();
          const strictUrl = server.url('odd/trusted-types-article.html');
          const body = readFileSync(new URL('../fixtures/hostile/article.html', import.meta.url), 'utf8');
          await strict.setRequestInterception(true);
          strict.on('request', (request) => {
            if (request.url() !== strictUrl) return void request.continue();
            void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types 'none'" }, body });
          });
          await strict.goto(strictUrl);
          const held = await strict.evaluate(() => {
            try {
              // eslint-disable-next-line no-restricted-properties -- the probe: the page must refuse raw markup
              document.createElement('div').innerHTML = '<b>x</b>';
              return false;
            } catch {
              return true;
            }
          });
          if (!held) throw new Error('the page was not held to Trusted Types: the check would test nothing');
          const tab = await tabIdOf(strictUrl);
          await extensionPage.evaluate(async (id) => void (await browser.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/reader.js'] })), tab);
          await strict.bringToFront();
          const text = await waitFor('the story', () => strict.evaluate(() => document.querySelector('folio-reader')?.shadowRoot?.querySelector('.folio-body')?.textContent || undefined));
          if (!text.includes('For ninety years the south light on Fair Isle was kept by hand')) throw new Error(`showed ${text.slice(0, 120)}`);
          await strict.close();
        },
      ],
      [
        'a 50,000-element page is read by the background page (off the page) and shows its story',
        async () => {
          const huge = await firefox.newPage();
          const hugeUrl = server.url('odd/huge.html');
          await huge.goto(hugeUrl);
          const hugeTab = await waitFor('the big page tab', () =>
            extensionPage.evaluate(async (url) => {
              return (await browser.tabs.query({})).find((tab) => tab.url === url)?.id;
            }, hugeUrl),
          );
          await extensionPage.evaluate(async (id) => {
            await browser.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/reader.js'] });
          }, hugeTab);
          await huge.bringToFront();
          const text = await waitFor(
            'the story',
            () => huge.evaluate(() => document.querySelector('folio-reader')?.shadowRoot?.querySelector('.folio-body, .folio-no-article:not(.folio-reading-long-page)')?.textContent ?? undefined),
            30_000,
          );
          const copied = await huge.evaluate(() => performance.getEntriesByName('folio:serialize').length > 0);
          if (!copied || !text.includes('the readings have been taken at nine every morning')) throw new Error(`copied=${copied}, showed ${text.slice(0, 120)}`);
          await huge.close();
        },
      ],
      [
        'a multi-page story: Continue loads page 2 from the same site and appends it below the first',
        async () => {
          const story = await firefox.newPage();
          const storyUrl = server.url('multipage/long-read.html');
          await story.goto(storyUrl);
          const storyTab = await tabIdOf(storyUrl);
          await extensionPage.evaluate(async (id) => void (await browser.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/reader.js'] })), storyTab);
          await story.bringToFront();
          const overlayText = () => story.evaluate(() => document.querySelector('folio-reader')?.shadowRoot?.querySelector('.folio-body')?.textContent ?? '');
          await waitFor('the first page', async () => (await overlayText()).includes('The lighthouse on Gull Point has stood'));
          await waitFor('the Continue button', () =>
            story.evaluate(() => {
              const button = document.querySelector('folio-reader')?.shadowRoot?.querySelector<HTMLButtonElement>('.folio-continue-button');
              if (button?.textContent !== 'Continue: load page 2') return false;
              button.click();
              return true;
            }),
          );
          await waitFor('page 2 appended', async () => (await overlayText()).includes('Volunteers have started anyway'), 20_000);
          await story.close();
        },
      ],
      [
        'detection turned off through storage.sync unregisters the script; a new page load is not checked',
        async () => {
          await extensionPage.evaluate(async () => {
            const { behaviourPrefs } = await browser.storage.sync.get('behaviourPrefs');
            await browser.storage.sync.set({ behaviourPrefs: { ...(behaviourPrefs as object | undefined), detection: false } });
          });
          await waitFor('the script to be unregistered', async () => (await registered()).length === 0);
          await article.goto(seedUrl, { waitUntil: 'load' });
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          const entries = await article.evaluate(() => performance.getEntriesByName('folio:detect').length);
          if (entries !== 0) throw new Error('the detection script still ran');
        },
      ],
      [
        'a reading-list entry synced from another device (storage.sync) appears in the library, not yet downloaded',
        async () => {
          const items = await itemsFromAnotherDevice(syncedEntry(seedUrl, SYNCED_TITLE));
          await extensionPage.evaluate(async (next) => browser.storage.sync.set(next), items);
          const library = await openExtensionPage(firefox, 'library.html');
          const row = await waitFor('the synced article in the library', () =>
            library.evaluate((title) => {
              const found = [...document.querySelectorAll('.folio-row')].find((candidate) => candidate.querySelector('.folio-row-title')?.textContent === title);
              return found && { meta: found.querySelector('.folio-row-meta')?.textContent ?? '', href: found.querySelector('.folio-row-title')?.getAttribute('href') ?? '' };
            }, SYNCED_TITLE),
          );
          if (!row.meta.includes('not downloaded')) throw new Error(`row says ${row.meta}`);
          syncedHref = row.href;
          await library.close();
        },
      ],
      [
        'opened in the reader page it downloads (with the access granted above) and shows the story',
        async () => {
          if (!syncedHref.startsWith(`${EXTENSION_ORIGIN}/article.html?id=`)) throw new Error(`no reader page address (${syncedHref})`);
          readerPage = await openExtensionPage(firefox, syncedHref.slice(EXTENSION_ORIGIN.length + 1));
          const paragraphs = await waitFor('the downloaded story', () => readerPage!.evaluate(() => document.querySelectorAll('.folio-reader .folio-body p').length), 30_000);
          if (paragraphs !== 16) throw new Error(`the reader page showed ${paragraphs} paragraphs`);
        },
      ],
      [
        'a preference changed on another device applies to the open reader page at once',
        async () => {
          if (!readerPage) throw new Error('no reader page open');
          await extensionPage.evaluate(async () => {
            const { readerPrefs } = await browser.storage.sync.get('readerPrefs');
            await browser.storage.sync.set({ readerPrefs: { ...(readerPrefs as object | undefined), theme: 'sepia' } });
          });
          await waitFor('the sepia theme', () => readerPage!.evaluate(() => document.querySelector<HTMLElement>('.folio-reader')?.dataset.theme === 'sepia'));
          await readerPage.close();
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
    await firefox.close();
    await server.close();
  }
  console.log(`firefox: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
