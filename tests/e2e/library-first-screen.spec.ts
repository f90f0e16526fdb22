import type { Page } from '@playwright/test';
import { rowsThatFit } from '../../components/library/first-screen-dom';
import { contentRecord, newArticleRecord } from '../../lib/library/article-record';
import { makeArticle } from '../unit/library-test-helpers';
import { clearLibrary } from './harness/clear-library';
import { expect, test } from './harness/fixtures';

/**
 * The library's first screen in the built page (entrypoints/library-first-screen.ts): on a later visit
 * it draws the remembered first rows of the opening view before React is loaded, the one file the page
 * asks for before that paint, and React then shows the same rows in their place.
 */

const ARTICLES = 30;
const base = Date.parse('2026-01-01T00:00:00Z');

/** 30 articles straight into IndexedDB, newest last; every fifth archived (not in the opening view). */
async function storeArticles(page: Page): Promise<void> {
  const items = Array.from({ length: ARTICLES }, (_, n) => {
    const url = `https://example.com/first-screen-${n}`;
    const record = newArticleRecord(makeArticle({ url, title: `First-screen article ${n}`, excerpt: `Excerpt of article ${n}.` }), { id: url, url, now: base + n * 60_000 });
    if (n % 5 === 0) record.archived = 1;
    return { record, content: contentRecord(url, makeArticle()) };
  });
  await page.evaluate(async (batch) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('folio-library');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['articles', 'contents'], 'readwrite');
    for (const { record, content } of batch) {
      tx.objectStore('articles').put(record);
      tx.objectStore('contents').put(content);
    }
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    db.close();
  }, items);
}

/**
 * Runs `check` on a library whose opening view's first rows are remembered (the articles stored, then one
 * more visit, whose query remembers them), and empties the library and the remembered rows after it: the
 * next spec file's library should not open on this one's articles.
 */
async function withRememberedFirstScreen(page: Page, library: string, check: () => Promise<void>): Promise<void> {
  await page.goto(library);
  await clearLibrary(page);
  try {
    await storeArticles(page);
    await page.reload();
    await expect(page.getByTestId('library-count')).toHaveText('24 articles');
    await check();
  } finally {
    await clearLibrary(page);
    await page.evaluate(() => localStorage.clear());
  }
}

test('a later visit draws the remembered first rows that fit, asks for no other file first, and React shows the same rows', async ({ folio, page }) => {
  const library = folio.extensionUrl('library.html');
  await withRememberedFirstScreen(page, library, async () => {
    // Before the next visit's scripts run: keep the first drawing's row titles (React replaces it soon).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const drawn = document.querySelector('[data-first-screen]');
        if (!drawn) return;
        observer.disconnect();
        (window as unknown as { firstScreenTitles: string[] }).firstScreenTitles = [...drawn.querySelectorAll('.folio-row-title')].map((title) => title.textContent ?? '');
      }).observe(document, { childList: true, subtree: true });
    });
    const asked: { path: string; at: number }[] = [];
    // When the browser sent each request (its own clock, epoch ms), known once it has been answered.
    page.on('requestfinished', (request) => asked.push({ path: new URL(request.url()).pathname, at: request.timing().startTime }));
    await page.goto(library);
    await expect(page.locator('[data-first-screen]')).toHaveCount(0);
    await expect(page.getByTestId('library-count')).toHaveText('24 articles');

    const inbox = Array.from({ length: ARTICLES }, (_, n) => ARTICLES - 1 - n)
      .filter((n) => n % 5 !== 0)
      .map((n) => `First-screen article ${n}`);
    const fit = await page.evaluate(() => ({ height: innerHeight, rem: parseFloat(getComputedStyle(document.documentElement).fontSize) }));
    const drawn = await page.evaluate(() => (window as unknown as { firstScreenTitles?: string[] }).firstScreenTitles ?? null);
    // The opening view's newest rows, as many as fit the window (not all 20 remembered).
    expect(drawn).toEqual(inbox.slice(0, rowsThatFit(fit.height, fit.rem)));
    // React's list starts with the same rows, in the same order.
    const reactTitles = await page.locator('.folio-row-title').allTextContents();
    expect(reactTitles.slice(0, drawn!.length)).toEqual(drawn);

    // Nothing but the first-screen script was asked for before the first paint (the page's module
    // waits for it: lib/build/defer-page-module.ts). Paint Timing's time, on the test's clock.
    await expect.poll(() => asked.some((request) => request.path.startsWith('/chunks/library-'))).toBe(true);
    const { navigatedAt, paintedAt } = await page.evaluate(() => ({
      navigatedAt: performance.timeOrigin,
      paintedAt: performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
    }));
    // (The previous page's own late files, lazily loaded, can finish after the listener is attached.)
    const beforePaint = asked.filter((request) => request.at >= navigatedAt - 1 && request.at < paintedAt);
    expect(beforePaint.map((request) => request.path)).toEqual(['/library.html', '/library-first-screen.js']);
    // And the page's module came after it.
    expect(asked.find((request) => request.path.startsWith('/chunks/library-'))!.at).toBeGreaterThanOrEqual(paintedAt);
  });
});

test('a view chosen before IndexedDB confirms the first screen is the one shown, never the opening rows under its name', async ({ folio, page }) => {
  const library = folio.extensionUrl('library.html');
  await withRememberedFirstScreen(page, library, async () => {
    try {
      // The next visit's IndexedDB reads wait (as after a bulk write on a loaded machine) until the test
      // releases them: a read-write transaction on the articles, kept alive by one request after another.
      await page.addInitScript(() => {
        const request = indexedDB.open('folio-library');
        request.onsuccess = () => {
          const tx = request.result.transaction(['articles'], 'readwrite');
          const until = performance.now() + 20_000;
          const held = () => !(window as unknown as { releaseLibrary?: boolean }).releaseLibrary && performance.now() < until;
          const next = () => {
            if (held()) tx.objectStore('articles').count().onsuccess = next;
          };
          next();
          tx.oncomplete = () => request.result.close();
        };
      });
      await page.reload();
      // React shows the remembered rows, not confirmed yet; the Archive view is chosen then.
      await expect(page.locator('.folio-row-title').first()).toHaveText('First-screen article 29');
      await expect(page.getByTestId('library-count')).toHaveText('Loading…');
      await page.getByRole('navigation', { name: 'Library views' }).getByRole('button', { name: 'Archive' }).click();
      const justAfter = await page.evaluate(() => ({
        confirmed: performance.getEntriesByName('folio:library-rows-confirmed').length,
        titles: [...document.querySelectorAll('.folio-row-title')].map((title) => title.textContent),
      }));
      expect(justAfter).toEqual({ confirmed: 0, titles: [] });
      await page.evaluate(() => ((window as unknown as { releaseLibrary: boolean }).releaseLibrary = true));

      // The opening view's late answer does not come back over the chosen view.
      const archived = [25, 20, 15, 10, 5, 0].map((n) => `First-screen article ${n}`);
      await expect(page.getByTestId('library-count')).toHaveText('6 articles');
      await expect(page.locator('.folio-row-title')).toHaveText(archived);
      // And still once the opening view's read, asked first, has answered too.
      await page.waitForTimeout(300);
      await expect(page.locator('.folio-row-title')).toHaveText(archived);
    } finally {
      // Released before the library is emptied, which needs the articles' store.
      await page.evaluate(() => ((window as unknown as { releaseLibrary: boolean }).releaseLibrary = true));
    }
  });
});
