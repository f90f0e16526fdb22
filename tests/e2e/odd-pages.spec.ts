import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { READER, expect, test } from './harness/fixtures';
import { startFreezeMonitor, stopFreezeMonitor } from './harness/freeze-monitor';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const STORY = 'For ninety years the south light on Fair Isle was kept by hand';

/** Serves one fixture at `url` with the given type and extra headers (the fixture server sends neither). */
async function serveAs(page: Page, url: string, file: string, contentType: string, headers: Record<string, string> = {}) {
  const body = readFileSync(new URL(file, FIXTURES));
  await page.route(url, (route) => route.fulfill({ status: 200, body, contentType, headers }));
}

test.describe('odd pages', () => {
  test('a frameset: the button does not throw and says there is no article here', async ({ folio, server, page }) => {
    const errors: string[] = [];
    folio.worker.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(server.url('odd/frameset.html'));
    await folio.pressToolbarButton(page);
    await expect(page.locator(`${READER} .folio-no-article`)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('folio-reader')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('an iframe-only page: no article in the top page, said plainly', async ({ folio, server, page }) => {
    await page.goto(server.url('odd/iframe-only.html'));
    await folio.pressToolbarButton(page);
    await expect(page.locator(`${READER} .folio-no-article`)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('folio-reader')).toHaveCount(0);
  });

  test('a page without a body: the overlay opens and says there is no article', async ({ folio, server, page }) => {
    await page.goto(server.url('odd/no-body.html'));
    await expect.poll(() => page.evaluate(() => document.body === null)).toBe(true);
    await folio.pressToolbarButton(page);
    await expect(page.locator(`${READER} .folio-no-article`)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('folio-reader')).toHaveCount(0);
  });

  for (const [name, file, type] of [
    ['an XML document', 'odd/document.xml', 'application/xml'],
    ['an SVG document', 'odd/drawing.svg', 'image/svg+xml'],
  ] as const) {
    test(`${name}: the button does not throw, opens nothing and says why`, async ({ folio, server, page }) => {
      const url = server.url(file);
      await serveAs(page, url, file, type);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await folio.pressToolbarButton(page);
      await expect.poll(async () => (await folio.badge(page)).title).toMatch(/not a web page/);
      expect((await folio.badge(page)).text).toBe('✕');
      expect(await page.locator('folio-reader').count()).toBe(0);
      expect(errors).toEqual([]);
    });
  }

  test("a page whose CSP forbids inline styles: the overlay is still styled", async ({ folio, server, page }) => {
    const url = server.url('odd/csp-article.html');
    await serveAs(page, url, 'hostile/article.html', 'text/html; charset=utf-8', { 'content-security-policy': "style-src 'self'; script-src 'self'" });
    await page.goto(url);
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    await expect(reader.locator('.folio-body')).toContainText(STORY);
    // Styled means the reader's own sheet applied: a fixed full-viewport host and a measure-limited column.
    const host = await page.locator('folio-reader').evaluate((el) => getComputedStyle(el).position);
    expect(host).toBe('fixed');
    const column = await reader.locator('.folio-article').evaluate((el) => ({ maxWidth: getComputedStyle(el).maxWidth, display: getComputedStyle(el).display }));
    expect(column.maxWidth).not.toBe('none');
    await page.keyboard.press('Escape');
  });

  test('a page that requires Trusted Types and allows no policy: the story is read and shown', async ({ folio, server, page }) => {
    // The strictest Trusted Types page: every HTML sink needs a trusted value and no policy may be made.
    // Folio's content script runs in its own world, which the page's policy does not bind.
    const url = server.url('odd/trusted-types-article.html');
    await serveAs(page, url, 'hostile/article.html', 'text/html; charset=utf-8', { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types 'none'" });
    const violations: string[] = [];
    page.on('console', (message) => /trusted/i.test(message.text()) && violations.push(message.text()));
    await page.goto(url);
    expect(await page.evaluate(() => {
      try {
        // eslint-disable-next-line no-restricted-properties -- the probe: the page must refuse raw markup
        document.createElement('div').innerHTML = '<b>x</b>';
        return 'page may write markup';
      } catch {
        return 'page held to Trusted Types';
      }
    })).toBe('page held to Trusted Types');
    violations.length = 0;
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    await expect(reader.locator('.folio-body')).toContainText(STORY);
    await expect(reader.locator('.folio-body p').first()).toBeVisible();
    expect(violations).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.locator('folio-reader')).toHaveCount(0);
  });

  test('a single-page app changing its address closes the overlay; a hash change does not', async ({ folio, server, page }) => {
    await page.goto(server.url('hostile/article.html'));
    await folio.pressToolbarButton(page);
    await expect(page.locator(READER)).toBeVisible();
    await page.evaluate(() => history.pushState({}, '', '#comments'));
    // The location watcher checks once a second: give it time to have seen the hash change.
    await page.waitForTimeout(2_500);
    await expect(page.locator(READER)).toBeVisible();
    await page.evaluate(() => history.pushState({}, '', '/hostile/another-story'));
    await expect(page.locator('folio-reader')).toHaveCount(0, { timeout: 15_000 });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('visible');
  });

  // The extractor writes out the direction it finds on <html> or on the article's own element.
  for (const [name, file, lang, dir] of [
    ['Arabic (dir on <html>)', 'odd/arabic.html', 'ar', 'rtl'],
    ['Hebrew (dir on the article only)', 'odd/hebrew.html', 'he', 'rtl'],
  ] as const) {
    test(`${name} is shown right to left`, async ({ folio, server, page }) => {
      await page.goto(server.url(file));
      await folio.pressToolbarButton(page);
      const article = page.locator(`${READER} .folio-article`);
      await expect(article).toHaveAttribute('dir', dir);
      await expect(article).toHaveAttribute('lang', lang);
      expect(await article.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      expect(await article.locator('.folio-body p').first().evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
      await page.keyboard.press('Escape');
    });
  }

  test('a Japanese article: reading time counts characters, not spaces', async ({ folio, server, page }) => {
    await page.goto(server.url('odd/japanese.html'));
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    const body = await reader.locator('.folio-body').innerText();
    const characters = body.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
    expect(characters).toBeGreaterThan(1000);
    // About 500 characters a minute; counted by spaces the story would be a single "word".
    await expect(reader.locator('.folio-reading-time')).toHaveText(`${Math.round(characters / 500)} min read`);
    expect(Math.round(characters / 500)).toBeGreaterThan(1);
    await page.keyboard.press('Escape');
  });

  test('a 50,000-element page: the story or a clear too-large message; freezes and timings reported', async ({ folio, server, page }, testInfo) => {
    await page.goto(server.url('odd/huge.html'));
    const elements = await page.evaluate(() => (window as unknown as { __elements: number }).__elements);
    expect(elements).toBeGreaterThan(50_000);
    await startFreezeMonitor(page);
    const pressed = Date.now();
    await folio.pressToolbarButton(page);
    // Waited for with one native query a poll: a Playwright locator walks all 50,000 elements in the
    // page's thread on every poll, and would itself freeze the page it measures.
    const shadowHas = (selector: string) => page.waitForFunction((css) => document.querySelector('folio-reader')?.shadowRoot?.querySelector(css), selector, { timeout: 30_000, polling: 50 });
    await shadowHas('.folio-reader');
    const clickToOverlayMs = Date.now() - pressed;
    await shadowHas('.folio-body, .folio-no-article:not(.folio-reading-long-page)');
    const clickToArticleMs = Date.now() - pressed;
    const freezes = await stopFreezeMonitor(page);
    const reader = page.locator(READER);
    const shown = (await reader.locator('.folio-no-article').count()) > 0 ? await reader.locator('.folio-no-article').innerText() : 'story';
    if (shown === 'story') await expect(reader.locator('.folio-body')).toContainText('the readings have been taken at nine every morning');
    else expect(shown).toMatch(/elements; Folio reads pages of up to|too long/);
    // The page is read away from its thread: the reader copied its markup (folio:serialize) and waited.
    const [serializeMs, extractMs] = await page.evaluate(() => ['folio:serialize', 'folio:extract'].map((name) => performance.getEntriesByName(name).at(-1)?.duration ?? null));
    expect(serializeMs).not.toBeNull();
    const report = { elements, shown: shown === 'story' ? 'story' : shown, clickToOverlayMs, clickToArticleMs, serializeMs, extractMs, ...freezes };
    console.log('50k-element page:', JSON.stringify(report));
    mkdirSync('artifacts', { recursive: true });
    writeFileSync('artifacts/huge-page-timing.json', JSON.stringify(report, null, 2));
    await testInfo.attach('huge-page-timing', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
    await page.keyboard.press('Escape');
    await expect(page.locator('folio-reader')).toHaveCount(0);
  });

  test('a 50,000-element page: Esc while it is being read gives the page back, and nothing comes back later', async ({ folio, server, page }) => {
    await page.goto(server.url('odd/huge.html'));
    const before = await page.evaluate(() => document.documentElement.outerHTML.length);
    await folio.pressToolbarButton(page);
    // Native queries only: a Playwright locator would walk the 50,000 elements on the page's thread.
    await page.waitForFunction(() => document.querySelector('folio-reader')?.shadowRoot?.querySelector('.folio-reading-long-page'), null, { timeout: 30_000, polling: 50 });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('folio-reader') === null, null, { timeout: 10_000, polling: 100 });
    // Long enough for the background's answer to have arrived: it must not reopen the overlay.
    await page.waitForTimeout(4_000);
    expect(await page.evaluate(() => document.querySelector('folio-reader') === null && getComputedStyle(document.documentElement).overflow)).toBe('visible');
    expect(await page.evaluate(() => document.documentElement.outerHTML.length)).toBe(before);
  });
});
