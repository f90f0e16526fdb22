import type { ExtensionBrowser } from './extension';
import { expect } from './fixtures';

/**
 * Deletes every saved article titled `title`, through the library as a person would. The browser is
 * shared with the next spec files, which expect the library as they left it.
 */
export async function deleteSavedArticles(folio: ExtensionBrowser, title: string): Promise<void> {
  const page = await folio.context.newPage();
  await page.goto(`chrome-extension://${folio.extensionId}/library.html`);
  const rows = page.locator('.folio-row', { hasText: title });
  await expect(page.getByTestId('library-count')).toHaveText(/article/);
  while ((await rows.count()) > 0) {
    const before = await rows.count();
    await rows.first().getByRole('button', { name: 'Delete' }).click();
    await expect(rows).toHaveCount(before - 1);
  }
  await page.close();
}
