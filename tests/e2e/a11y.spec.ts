import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { READER, expect, test } from './harness/fixtures';
import type { ExtensionBrowser } from './harness/extension';
import { deleteSavedArticles } from './harness/delete-saved';
import { saveOpenArticleAndFindIt } from './harness/saved-article';

const SEED = 'seed/modal-scroll-lock/source.html';
const THEMES = ['light', 'sepia', 'dark'] as const;

async function setTheme(folio: ExtensionBrowser, theme: string) {
  await folio.worker.evaluate(async (value) => {
    const { readerPrefs } = await chrome.storage.sync.get('readerPrefs');
    await chrome.storage.sync.set({ readerPrefs: { ...(readerPrefs as object | undefined), theme: value } });
  }, theme);
}

/** Serious and critical axe violations, as "rule: target" lines (empty when there are none). */
async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder.include(include);
  const { violations, passes } = await builder.analyze();
  // Guard against checking nothing: axe names nodes inside a shadow root by a selector chain.
  if (include) expect(passes.some((rule) => rule.nodes.some((node) => JSON.stringify(node.target).includes(include))), 'axe reached into the shadow root').toBe(true);
  else expect(passes.length).toBeGreaterThan(0);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`));
}

/**
 * axe leaves colour contrast "incomplete" for every node of the overlay (it cannot see past the
 * shadow host over the page), so the overlay's text contrast is measured here: WCAG AA, 4.5:1 for
 * body-size text, against the nearest opaque background.
 */
async function lowContrastText(page: Page) {
  return page.locator(READER).evaluate((root) => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [R, G, B] = [r, g, b].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const background = (element: Element | null): number[] => {
      for (let at = element; at; at = at.parentElement) {
        const color = rgb(getComputedStyle(at).backgroundColor);
        if (color.length === 3 || (color[3] ?? 0) >= 1) return color.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const problems: string[] = [];
    for (const element of Array.from(root.querySelectorAll('h1, p, span, time, a, button, label, li'))) {
      const own = Array.from(element.childNodes).some((node) => node.nodeType === 3 && node.textContent?.trim());
      if (!own || !(element as HTMLElement).offsetParent) continue;
      const style = getComputedStyle(element);
      const [a, b] = [luminance(rgb(style.color)), luminance(background(element))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) problems.push(`${element.nodeName}.${element.className}: ${ratio.toFixed(2)}`);
    }
    return [...new Set(problems)];
  });
}

const LONG_ARTICLE = 'reading/long-article.html';

/** Library and popup follow the system's colour scheme, the reader its theme: each theme's run sets both. */
const colorSchemeOf = (theme: (typeof THEMES)[number]) => (theme === 'dark' ? 'dark' : 'light');

/** Saves the long article from the overlay (once per browser) and returns its saved-article page address. */
async function savedArticleHref(folio: ExtensionBrowser, server: { url(path: string): string }, page: Page) {
  await page.goto(server.url(LONG_ARTICLE));
  await folio.pressToolbarButton(page);
  return saveOpenArticleAndFindIt(page, folio.extensionId, 'How bridges fail');
}

/** Opens the reading tools a person would use together: a highlight, contents, the player, find. */
async function openReadingTools(page: Page, reader: ReturnType<Page['locator']>) {
  await reader.getByRole('button', { name: 'Contents' }).click();
  await expect(reader.getByRole('navigation', { name: 'Contents' })).toBeVisible();
  await reader.getByRole('button', { name: 'Listen' }).click();
  await expect(reader.locator('.folio-listen')).toBeVisible();
  await page.keyboard.press('Control+f');
  await reader.getByRole('searchbox', { name: 'Find in article' }).fill('bridge');
  await expect(reader.locator('.folio-find-count')).toHaveText(/of/);
}

test.describe('accessibility', () => {
  test.afterAll(async ({ folio }) => {
    await folio.worker.evaluate(() => chrome.storage.sync.clear());
    // The next spec files expect the long article unsaved.
    await deleteSavedArticles(folio, 'How bridges fail');
  });

  test('a multi-page story\'s "Continue" control, its progress and its end have no serious or critical axe violations, text contrast AA', async ({ folio, server, page }) => {
    await page.goto(server.url('multipage/long-read.html'));
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    const next = reader.getByRole('button', { name: 'Continue: load page 2' });
    await expect(next).toBeVisible();
    expect(await seriousViolations(page, 'folio-reader')).toEqual([]);
    expect(await lowContrastText(page)).toEqual([]);
    await next.click();
    await reader.getByRole('button', { name: 'Continue: load page 3' }).click();
    await expect(reader.locator('.folio-continue')).toContainText('End of the story');
    expect(await seriousViolations(page, 'folio-reader')).toEqual([]);
    expect(await lowContrastText(page)).toEqual([]);
  });

  for (const theme of THEMES) {
    test(`the overlay has no serious or critical axe violations (${theme})`, async ({ folio, server, page }) => {
      await setTheme(folio, theme);
      await page.goto(server.url(SEED));
      await folio.pressToolbarButton(page);
      const reader = page.locator(READER);
      await expect(reader).toHaveAttribute('data-theme', theme);
      await expect(reader.locator('.folio-body p')).toHaveCount(16);
      expect(await seriousViolations(page, 'folio-reader')).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
      // The typography panel open too: its radios and buttons must be labelled.
      await reader.locator('.folio-typography-toggle').click();
      expect(await seriousViolations(page, 'folio-reader')).toEqual([]);
    });

    test(`the overlay with its reading tools open has no serious or critical axe violations, text contrast AA (${theme})`, async ({ folio, server, page }) => {
      await setTheme(folio, theme);
      await page.goto(server.url(LONG_ARTICLE));
      await folio.pressToolbarButton(page);
      const reader = page.locator(READER);
      await expect(reader).toHaveAttribute('data-theme', theme);
      await expect(reader.locator('.folio-body h2').first()).toBeVisible();
      await openReadingTools(page, reader);
      expect(await seriousViolations(page, 'folio-reader')).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await reader.getByRole('button', { name: /^Highlights/ }).click();
      await expect(reader.getByRole('complementary', { name: 'Highlights' })).toBeVisible();
      expect(await seriousViolations(page, 'folio-reader')).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
    });

    test(`the saved-article page has no serious or critical axe violations, alone and with its tools open (${theme})`, async ({ folio, server, page }) => {
      const href = await savedArticleHref(folio, server, page);
      await setTheme(folio, theme);
      await page.emulateMedia({ colorScheme: colorSchemeOf(theme) });
      await page.goto(href);
      const reader = page.locator('.folio-reader');
      await expect(reader).toHaveAttribute('data-theme', theme);
      await expect(reader.locator('.folio-body h2').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await openReadingTools(page, reader);
      expect(await seriousViolations(page)).toEqual([]);
      await reader.getByRole('button', { name: 'Text settings' }).click();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test(`library.html has no serious or critical axe violations (${theme}: ${colorSchemeOf(theme)} system colours)`, async ({ folio, server, page }) => {
      await savedArticleHref(folio, server, page);
      await setTheme(folio, theme);
      await page.emulateMedia({ colorScheme: colorSchemeOf(theme) });
      await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
      await expect(page.locator('.folio-row-title').first()).toBeVisible();
      // The page itself, not its remembered first screen drawn before React (aria-hidden and inert, and
      // replaced within moments: a scan across the swap would read nodes that are gone).
      await expect(page.locator('[data-first-screen]')).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);
    });

    for (const extensionPage of ['popup.html', 'options.html']) {
      test(`${extensionPage} has no serious or critical axe violations (${theme})`, async ({ folio, page }) => {
        await setTheme(folio, theme);
        await page.emulateMedia({ colorScheme: colorSchemeOf(theme) });
        await page.goto(`chrome-extension://${folio.extensionId}/${extensionPage}`);
        await expect(page.locator('body')).not.toBeEmpty();
        await expect(page.locator('button, a, input, select').first()).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }

  test('focus moves into the overlay on open and back to the page on close; focus is visible', async ({ folio, server, page }) => {
    await page.goto(server.url(SEED));
    await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('.article__author a');
      if (link) link.id = 'focus-me';
      link?.focus();
    });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('focus-me');
    await folio.pressToolbarButton(page);
    await expect(page.locator(READER)).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.activeElement?.nodeName.toLowerCase())).toBe('folio-reader');
    // Tab reaches a control inside the overlay, and it shows a focus ring.
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const focused = document.querySelector('folio-reader')?.shadowRoot?.activeElement;
      return focused ? { tag: focused.nodeName, outline: getComputedStyle(focused).outlineStyle, width: getComputedStyle(focused).outlineWidth } : null;
    });
    expect(ring).not.toBeNull();
    expect(ring?.outline).not.toBe('none');
    expect(ring?.width).not.toBe('0px');
    await page.keyboard.press('Escape');
    await expect(page.locator('folio-reader')).toHaveCount(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('focus-me');
  });

  test('extension pages: Tab reaches their controls, each with a visible focus ring; no motion under prefers-reduced-motion', async ({ folio, server, page }) => {
    const href = await savedArticleHref(folio, server, page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const address of [href, `chrome-extension://${folio.extensionId}/library.html`, `chrome-extension://${folio.extensionId}/options.html`, `chrome-extension://${folio.extensionId}/popup.html`]) {
      await page.goto(address);
      await expect(page.locator('button, a, input, select').first()).toBeVisible();
      const reached: string[] = [];
      const unringed: string[] = [];
      for (let i = 0; i < 30; i += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const element = document.activeElement;
          if (!element || element === document.body) return null;
          const style = getComputedStyle(element);
          const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
          return { name: `${element.nodeName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''} “${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}”`, ring };
        });
        if (!focused) continue;
        reached.push(focused.name);
        if (!focused.ring) unringed.push(focused.name);
      }
      expect(new Set(reached).size, `${address}: controls reached by Tab`).toBeGreaterThanOrEqual(3);
      expect(unringed, `${address}: focus without a visible ring`).toEqual([]);
      const moving = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll('*'))
            .map((element) => getComputedStyle(element))
            .filter((style) => style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || (style.animationName !== 'none' && parseFloat(style.animationDuration) > 0)).length,
      );
      expect(moving, `${address}: moving elements under reduced motion`).toBe(0);
    }
  });

  test('prefers-reduced-motion: no transitions or animations in the overlay', async ({ folio, server, page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(server.url(SEED));
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    await expect(reader).toBeVisible();
    const moving = await reader.evaluate((root) =>
      Array.from(root.querySelectorAll('*'))
        .map((el) => getComputedStyle(el))
        .filter((style) => style.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || (style.animationName !== 'none' && parseFloat(style.animationDuration) > 0)).length,
    );
    expect(moving).toBe(0);
    await page.keyboard.press('Escape');
  });
});
