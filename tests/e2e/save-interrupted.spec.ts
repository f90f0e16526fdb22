import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findChrome } from '../../scripts/lib/find-chrome.mjs';
import { EXTENSION_DIR } from './harness/extension';
import { startFixtureServer, type FixtureServer } from './harness/server';

/**
 * The MV3 service worker stopped in the middle of a save (issue 6, faults), in real Chromium: the save
 * is finished by the next worker (lib/storage/save-journal.ts), never half-written.
 *
 * Driven with puppeteer-core, not Playwright: stopping an extension's worker (CDP
 * `ServiceWorker.stopAllWorkers`, what Chrome does to an idle or busy worker) leaves Playwright 1.65's
 * connection unusable (every later call answers "Target page, context or browser has been closed"),
 * while puppeteer keeps working and sees the page and extension pages as they are.
 */

const PARAGRAPHS = 400;
const paragraph = (i: number) => `Paragraph ${i} of a long story about storage, workers and what survives them. `.repeat(6).trim();
const BIG_TEXT_MARK = `Paragraph ${PARAGRAPHS - 1} of a long story`;

function bigArticleHtml(): string {
  const body = Array.from({ length: PARAGRAPHS }, (_, i) => `<p>${paragraph(i)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long story that survives</title></head><body><header><nav><a href="/">Home</a></nav></header><main><article><h1>A long story that survives</h1><p class="byline">By Ada</p>${body}</article></main></body></html>`;
}

let browser: Browser;
let server: FixtureServer;
let root: string;
let extensionId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'folio-e2e-interrupted-'));
  writeFileSync(path.join(root, 'big.html'), bigArticleHtml());
  server = await startFixtureServer(`${root}/`);
  browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, pipe: true, enableExtensions: [EXTENSION_DIR], args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
  extensionId = new URL(worker.url()).host;
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** What Chrome does to a worker it decides to stop; the worker's in-flight work ends there. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

interface LibraryState {
  articles: { id: string; title: string; wordCount: number; contentState: string }[];
  contents: { id: string; textLength: number; hasLastParagraph: boolean }[];
  pending: number;
}

/** The library and the journal as an extension page sees them (raw IndexedDB, storage.local). */
function libraryState(page: Page, mark: string): Promise<LibraryState> {
  return page.evaluate(async (lastMark) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('folio-library');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const articles = await all<{ id: string; title: string; wordCount: number; contentState: string }>('articles');
    const contents = await all<{ id: string; textContent: string }>('contents');
    db.close();
    const stored = await chrome.storage.local.get(null);
    return {
      articles: articles.map(({ id, title, wordCount, contentState }) => ({ id, title, wordCount, contentState })),
      contents: contents.map(({ id, textContent }) => ({ id, textLength: textContent.length, hasLastParagraph: textContent.includes(lastMark) })),
      pending: Object.keys(stored).filter((key) => key.startsWith('folio:pending-save:')).length,
    };
  }, mark);
}

/** Any event starts a stopped worker; a message from an extension page is the simplest. */
async function wakeWorker(page: Page): Promise<void> {
  await page.evaluate(() => Promise.race([chrome.runtime.sendMessage({ type: 'wake' }).catch(() => undefined), new Promise((r) => setTimeout(r, 1_000))]));
}

async function libraryPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  await page.waitForSelector('[data-testid="library-count"]');
  return page;
}

test('a save left in the journal by a stopped worker is finished by the next one, whole', async () => {
  const library = await libraryPage();
  const text = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('\n');
  const article = {
    url: 'https://news.example/long-story',
    title: 'Journaled long story',
    byline: 'Ada',
    siteName: 'News',
    siteIcon: null,
    publishedTime: null,
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    content: text
      .split('\n')
      .map((p) => `<p>${p}</p>`)
      .join(''),
    textContent: text,
    wordCount: text.split(/\s+/).length,
    readingMinutes: 30,
  };
  // What a worker stopped after step 1 leaves (an article save, and a "Save link" still reading its page).
  await library.evaluate(async (a) => {
    const common = { schemaVersion: 1, startedAt: Date.now(), attempts: 0, lastError: null };
    await chrome.storage.local.set({
      [`folio:pending-save:${common.startedAt}-1-e2e`]: { ...common, kind: 'article', article: a, pageUrl: a.url },
      [`folio:pending-save:${common.startedAt}-2-e2e`]: { ...common, kind: 'link', url: 'https://news.example/linked', title: 'A linked story' },
    });
  }, article);
  await stopWorker(library);
  await wakeWorker(library);

  await expect.poll(async () => (await libraryState(library, BIG_TEXT_MARK)).pending, { timeout: 20_000 }).toBe(0);
  const state = await libraryState(library, BIG_TEXT_MARK);
  expect(state.articles).toEqual(
    expect.arrayContaining([
      { id: 'https://news.example/long-story', title: 'Journaled long story', wordCount: article.wordCount, contentState: 'stored' },
      expect.objectContaining({ id: 'https://news.example/linked', title: 'A linked story', contentState: 'pending' }),
    ]),
  );
  expect(state.contents).toEqual([{ id: 'https://news.example/long-story', textLength: text.length, hasLastParagraph: true }]);
  await library.close();
});

test('the worker stopped while the overlay saves a long article: afterwards the article is whole or absent, and the overlay says which', async () => {
  const outcomes: string[] = [];
  for (const delayMs of [0, 30, 120]) {
    const library = await libraryPage();
    // Start from an empty library each round.
    await library.evaluate(async () => {
      await new Promise<void>((resolve) => {
        const request = indexedDB.open('folio-library');
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['articles', 'contents'], 'readwrite');
          tx.objectStore('articles').clear();
          tx.objectStore('contents').clear();
          tx.oncomplete = () => (db.close(), resolve());
        };
      });
    });
    const page = await browser.newPage();
    await page.goto(server.url('big.html'));
    // A toolbar click acts on the tab in front (activeTab).
    await page.bringToFront();
    const tabTarget = page.target();
    const browserCdp = await browser.target().createCDPSession();
    const { targetInfos } = await browserCdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never) as unknown as { targetInfos: { targetId: string; url: string }[] };
    const tab = targetInfos.find((t) => t.url === page.url());
    expect(tab, `tab for ${tabTarget.url()}`).toBeTruthy();
    // Right after a worker restart (the previous test) the first click can go unanswered: click again.
    let ready = 'not tried';
    for (let click = 0; click < 3 && ready !== 'Save'; click += 1) {
      await browserCdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab!.targetId } as never);
      // The overlay's Save button, in its open shadow root (polled by time: a tab not in front gets no frames).
      ready = await page
        .waitForFunction(() => document.querySelector('folio-reader')?.shadowRoot?.querySelector('.folio-save')?.textContent === 'Save', { timeout: 8_000, polling: 100 })
        .then(() => 'Save')
        .catch(async () => page.evaluate(() => `not ready: "${document.querySelector('folio-reader')?.shadowRoot?.querySelector('.folio-save')?.textContent}"`));
    }
    expect(ready, `round ${delayMs} ms`).toBe('Save');
    await page.evaluate(() => (document.querySelector('folio-reader')!.shadowRoot!.querySelector('.folio-save') as HTMLButtonElement).click());
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    await stopWorker(library);
    await wakeWorker(library);

    // The overlay ends in a clear state: never "Saving…" for ever.
    await page.waitForFunction(
      () => {
        const label = document.querySelector('folio-reader')?.shadowRoot?.querySelector('.folio-save')?.textContent;
        return label !== 'Saving…';
      },
      { timeout: 30_000, polling: 100 },
    );
    const label = await page.evaluate(() => document.querySelector('folio-reader')?.shadowRoot?.querySelector('.folio-save')?.textContent ?? '');
    await expect.poll(async () => (await libraryState(library, BIG_TEXT_MARK)).pending, { timeout: 20_000 }).toBe(0);
    const state = await libraryState(library, BIG_TEXT_MARK);
    // Whole or absent: a row always with its full body, a body never without its row.
    expect(state.articles.length).toBe(state.contents.length);
    for (const content of state.contents) expect(content.hasLastParagraph).toBe(true);
    // And the overlay tells the truth: "Saved ✓" exactly when the library has it.
    expect(label === 'Saved ✓').toBe(state.articles.length === 1);
    outcomes.push(`${delayMs} ms: overlay "${label}", library ${state.articles.length === 1 ? 'has the whole article' : 'empty'}`);
    await browserCdp.detach();
    await page.close();
    await library.close();
  }
  console.log(outcomes.join('\n'));
});
