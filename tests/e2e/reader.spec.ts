import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { READER, expect, pageState, test } from './harness/fixtures';

const SEED = 'seed/modal-scroll-lock/source.html';
const PARAGRAPH_1 = 'Defence Secretary Pete Hegseth has ordered the Pentagon to stop offensive cyberoperations against Russia';
const PARAGRAPH_16 = 'to try to bring them to the table to see if it’s even possible.';


async function openSeed(page: Page, url: string) {
  await page.goto(url);
  // The seed page locks scrolling itself; give it a position and a focused element to restore.
  await page.evaluate(() => {
    document.body.style.overflow = 'auto';
    const link = document.querySelector<HTMLAnchorElement>('.article__author a');
    if (link) link.id = 'focus-me';
    link?.focus();
    window.scrollTo(0, 300);
  });
}

test.describe('the reader overlay', () => {
  test('the toolbar icon says "article available" on an article and nothing on a home page', async ({ folio, server, page }) => {
    await page.goto(server.url(SEED));
    await expect.poll(async () => (await folio.badge(page)).text).toBe('✓');
    expect((await folio.badge(page)).title).toMatch(/article available/);
    await page.goto(server.url('pages/home-page.html'));
    await expect.poll(async () => (await folio.badge(page)).title).toMatch(/read this page/);
    expect((await folio.badge(page)).text).toBe('');
  });

  test('one click on the toolbar button shows the whole story and nothing else', async ({ folio, server, page }) => {
    await openSeed(page, server.url(SEED));
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    await expect(reader.locator('.folio-title')).toHaveText(/^Prior to Oval Office showdown with Zelensky/);
    await expect(reader.locator('.folio-byline')).toHaveText('Gustaf Kilander');
    await expect(reader.locator('.folio-site')).toHaveText('The Independent UK');
    await expect(reader.locator('.folio-reading-time')).toHaveText('3 min read');
    await expect(reader.locator('.folio-body p')).toHaveCount(16);
    await expect(reader.locator('.folio-body p').first()).toContainText(PARAGRAPH_1);
    await expect(reader.locator('.folio-body p').last()).toContainText(PARAGRAPH_16);
    const text = await reader.innerText();
    for (const junk of ['Sign up to read this article', 'Related Stories', 'Download the app', 'Our Picks', 'Already a member']) expect(text).not.toContain(junk);
    // The lead image's host is unreachable here (as offline): no broken image and no empty band
    // between the header rule and the first paragraph.
    await expect(reader.locator('.folio-lead-image')).toBeHidden();
    const metaBottom = (await reader.locator('.folio-meta').boundingBox())!;
    const firstParagraph = (await reader.locator('.folio-body p').first().boundingBox())!;
    expect(firstParagraph.y - (metaBottom.y + metaBottom.height)).toBeLessThan(48);
    mkdirSync('artifacts', { recursive: true });
    await page.screenshot({ path: 'artifacts/overlay-seed.png' });
    await page.keyboard.press('Escape');
  });

  test('Esc, the close button and a second click give the page back exactly as it was', async ({ folio, server, page }) => {
    await openSeed(page, server.url(SEED));
    const before = await pageState(page);
    expect(before.scrollY).toBe(300);

    await folio.pressToolbarButton(page);
    await expect(page.locator(READER)).toBeVisible();
    // Scroll-locked without touching the page's styles: wheeling far past the article's end and a
    // page script's own scroll leave the page where it was.
    await page.mouse.move(640, 450);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 4000);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(300);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.scrollY)).toBe(300);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe(before.overflow);
    await page.keyboard.press('Escape');
    await expect(page.locator('folio-reader')).toHaveCount(0);
    expect(await pageState(page)).toEqual(before);

    await folio.pressToolbarButton(page);
    await expect(page.locator(READER)).toBeVisible();
    await page.locator(`${READER} .folio-close`).click();
    await expect(page.locator('folio-reader')).toHaveCount(0);
    expect(await pageState(page)).toEqual(before);

    await folio.pressToolbarButton(page);
    await expect(page.locator(READER)).toBeVisible();
    await folio.pressToolbarButton(page);
    await expect(page.locator('folio-reader')).toHaveCount(0);
    expect(await pageState(page)).toEqual(before);
  });

  test('a typography change applies at once and persists in storage.sync', async ({ folio, server, page }) => {
    await page.goto(server.url(SEED));
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    await reader.locator('.folio-typography-toggle').click();
    await reader.getByRole('radio', { name: 'Dark' }).click();
    await expect(reader).toHaveAttribute('data-theme', 'dark');
    const fontSizeBefore = await reader.evaluate((el) => getComputedStyle(el).fontSize);
    await reader.getByRole('button', { name: 'Increase text size' }).click();
    await expect.poll(() => reader.evaluate((el) => getComputedStyle(el).fontSize)).not.toBe(fontSizeBefore);
    await expect
      .poll(() => folio.worker.evaluate(async () => ((await chrome.storage.sync.get('readerPrefs')).readerPrefs as { theme?: string } | undefined)?.theme))
      .toBe('dark');
    await page.keyboard.press('Escape');
    await page.reload();
    await folio.pressToolbarButton(page);
    await expect(page.locator(READER)).toHaveAttribute('data-theme', 'dark');
    await folio.worker.evaluate(() => chrome.storage.sync.clear());
  });

  test('all three soft-paywall forms of the seed page show the 16 paragraphs', async ({ folio, server, page }) => {
    for (const form of ['hidden-paragraphs', 'json-ld-body']) {
      await page.goto(server.url(`seed/${form}/source.html`));
      await folio.pressToolbarButton(page);
      await expect(page.locator(`${READER} .folio-body p`), form).toHaveCount(16);
      await expect(page.locator(`${READER} .folio-site`)).toHaveText('The Independent UK');
      await page.keyboard.press('Escape');
    }
  });

  test('a page without an article says so and offers to show it anyway', async ({ folio, server, page }) => {
    await page.goto(server.url('pages/home-page.html'));
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    await expect(reader.getByRole('heading', { name: 'No article found on this page' })).toBeVisible();
    await reader.getByRole('button', { name: 'Show it anyway' }).click();
    await expect(reader.locator('.folio-body')).toContainText('Leaders meet in London');
  });

  test('on a page where extensions cannot run, the button says so', async ({ folio, page }) => {
    await page.goto('about:blank');
    await folio.pressToolbarButton(page);
    await expect.poll(async () => (await folio.badge(page)).title).toMatch(/can't read this page/);
  });
});
