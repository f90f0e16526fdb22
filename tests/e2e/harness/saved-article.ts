import type { Page } from '@playwright/test';
import { READER, expect } from './fixtures';

/**
 * Saves the article open in the overlay, closes the overlay, and returns the address of its
 * saved-article page, found by title in the library. The browser is shared by the spec files of a run,
 * so the article may already be saved: "Save" shows until the overlay has asked whether it is, and may
 * turn to "Saved ✓" under the click.
 */
export async function saveOpenArticleAndFindIt(page: Page, extensionId: string, title: string): Promise<string> {
  const save = page.locator(`${READER} .folio-save`);
  await expect(save).toHaveText(/^(Save|Saved ✓)$/, { timeout: 20_000 });
  if ((await save.textContent()) === 'Save') await save.click({ timeout: 3_000 }).catch(() => undefined);
  await expect(save).toHaveText('Saved ✓');
  await page.keyboard.press('Escape');
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  return (await page.locator('.folio-row-title', { hasText: title }).getAttribute('href'))!;
}
