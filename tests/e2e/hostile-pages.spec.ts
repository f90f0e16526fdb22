import type { Page } from '@playwright/test';
import { READER, expect, pageState, test } from './harness/fixtures';

const FIRST = 'For ninety years the south light on Fair Isle was kept by hand';
const LAST = 'the light had not missed a single turn';


async function openAttack(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState('load');
}

/** The overlay is really on screen: visible, and the topmost thing in the middle of the viewport. */
async function expectOverlayOnTop(page: Page) {
  const reader = page.locator(READER);
  await expect(reader).toBeVisible();
  await expect(reader.locator('.folio-body')).toContainText(FIRST);
  await expect(reader.locator('.folio-body')).toContainText(LAST);
  await expect
    .poll(() => page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.nodeName.toLowerCase()))
    .toBe('folio-reader');
  const box = await reader.boundingBox();
  expect(box?.width).toBeGreaterThan(600);
  expect(box?.height).toBeGreaterThan(600);
}

type PageState = Awaited<ReturnType<typeof pageState>>;

/** Closes the overlay one way and checks that the page is given back exactly as it was. */
async function closeAndExpectPageBack(page: Page, before: PageState, close: () => Promise<unknown>) {
  await close();
  await expect(page.locator('folio-reader')).toHaveCount(0);
  expect(await pageState(page)).toEqual(before);
}

test.describe('hostile pages cannot break the overlay', () => {
  // Page CSS reaches only the host element, and the :host rule's !important declarations outrank it.
  for (const attack of ['unset-all', 'hide-divs', 'host-hidden', 'forced-look', 'z-index-layers', 'sticky-modal', 'prototype-overrides']) {
    test(`${attack}: the story shows on top, Esc closes, the page is given back`, async ({ folio, server, page }) => {
      await openAttack(page, server.url(`hostile/article.html?attack=${attack}`));
      const before = await pageState(page);
      await folio.pressToolbarButton(page);
      await expectOverlayOnTop(page);
      await closeAndExpectPageBack(page, before, () => page.keyboard.press('Escape'));
    });
  }

  test('forced fonts and colours do not reach the article', async ({ folio, server, page }) => {
    await openAttack(page, server.url('hostile/article.html?attack=forced-look'));
    await folio.pressToolbarButton(page);
    const paragraph = page.locator(`${READER} .folio-body p`).first();
    await expect(paragraph).toBeVisible();
    const look = await paragraph.evaluate((p) => ({ color: getComputedStyle(p).color, font: getComputedStyle(p).fontFamily, size: getComputedStyle(p).fontSize }));
    expect(look.color).not.toBe('rgb(255, 0, 0)');
    expect(look.font).not.toMatch(/Comic Sans/);
    expect(look.size).not.toBe('40px');
    await page.keyboard.press('Escape');
  });

  test('keys swallowed on the document: Esc still closes', async ({ folio, server, page }) => {
    await openAttack(page, server.url('hostile/article.html?attack=swallow-keys-document'));
    const before = await pageState(page);
    await folio.pressToolbarButton(page);
    await expectOverlayOnTop(page);
    await closeAndExpectPageBack(page, before, () => page.keyboard.press('Escape'));
  });

  test('keys stopped on the window before Folio loads: Esc still closes (the browser\'s close request)', async ({ folio, server, page }) => {
    // window.addEventListener('keydown', e => e.stopImmediatePropagation(), true), registered by the
    // page before Folio's script exists: no listener of Folio's can run before it.
    await openAttack(page, server.url('hostile/article.html?attack=stop-keys-window'));
    const before = await pageState(page);
    await folio.pressToolbarButton(page);
    await expectOverlayOnTop(page);
    await closeAndExpectPageBack(page, before, () => page.keyboard.press('Escape'));
    // Twice: a fresh close watcher each time the overlay opens.
    await folio.pressToolbarButton(page);
    await expectOverlayOnTop(page);
    await closeAndExpectPageBack(page, before, () => page.keyboard.press('Escape'));
  });

  test('keys swallowed and cancelled on the window before Folio loads: the close button and the toolbar button still close', async ({ folio, server, page }) => {
    // A capture listener the page put on window first runs before any of Folio's, and cancelling the
    // key also cancels the browser's close request: Esc cannot be recovered from a content script
    // injected later, so the other two ways out must work.
    await openAttack(page, server.url('hostile/article.html?attack=swallow-keys-window'));
    const before = await pageState(page);
    await folio.pressToolbarButton(page);
    await expectOverlayOnTop(page);
    await closeAndExpectPageBack(page, before, () => page.locator(`${READER} .folio-close`).click());
    await folio.pressToolbarButton(page);
    await expectOverlayOnTop(page);
    await closeAndExpectPageBack(page, before, () => folio.pressToolbarButton(page));
  });

  test('a page whose elements hide both chrome and browser: the toolbar button says it cannot open the reader', async ({ folio, server, page }) => {
    await openAttack(page, server.url('hostile/clobber-both.html'));
    const before = await pageState(page);
    await folio.pressToolbarButton(page);
    await expect.poll(async () => (await folio.badge(page)).title).toMatch(/^Folio can't open the reader on this page/);
    expect((await folio.badge(page)).text).toBe('✕');
    expect(await page.locator('folio-reader').count()).toBe(0);
    expect(await pageState(page)).toEqual(before);
  });

  test('a page that removes Folio once: the overlay comes back', async ({ folio, server, page }) => {
    await openAttack(page, server.url('hostile/article.html?attack=remove-once'));
    const before = await pageState(page);
    await folio.pressToolbarButton(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __attackLog: string[] }).__attackLog)).toContain('FOLIO-READER');
    await expectOverlayOnTop(page);
    await closeAndExpectPageBack(page, before, () => page.keyboard.press('Escape'));
  });

  test('a page that always removes Folio: the page lock is released and the page works as before', async ({ folio, server, page }) => {
    await openAttack(page, server.url('hostile/article.html?attack=remove-unknown'));
    const before = await pageState(page);
    await folio.pressToolbarButton(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __attackLog: string[] }).__attackLog.length)).toBeGreaterThan(0);
    await expect(page.locator('folio-reader')).toHaveCount(0);
    await expect.poll(() => pageState(page)).toEqual(before);
    // The button still answers (and is removed again) rather than being stuck "open".
    const removals = await page.evaluate(() => (window as unknown as { __attackLog: string[] }).__attackLog.length);
    await folio.pressToolbarButton(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __attackLog: string[] }).__attackLog.length)).toBeGreaterThan(removals);
    await expect.poll(() => pageState(page)).toEqual(before);
  });
});
