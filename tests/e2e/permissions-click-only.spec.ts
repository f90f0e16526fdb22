import AxeBuilder from '@axe-core/playwright';
import { READER, expect, test } from './harness/fixtures';
import { registeredDetectionScripts } from './harness/extension';
import { detectionRanOn, grantedOrigins } from './harness/detection';
import { welcomePage } from './harness/welcome-page';

const SEED = 'seed/modal-scroll-lock/source.html';

// The build as shipped: a fresh install, nothing granted beyond the manifest's permissions.
test.use({ allSites: 'not-granted' });

test.describe('click-only mode: the build as shipped, with no access to sites', () => {
  test('a fresh install asks for no site access, registers no detection script and opens the onboarding page', async ({ folio }) => {
    expect(await grantedOrigins(folio)).toEqual([]);
    expect(await registeredDetectionScripts(folio.worker)).toEqual([]);
    const welcome = await welcomePage(folio.context, folio.extensionId);
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Folio');
    await expect(welcome.getByRole('status')).toHaveText('Folio is in click-only mode.');
    const button = welcome.getByRole('button', { name: 'Turn on automatic detection' });
    await button.focus();
    await expect(button).toBeFocused();
    const { violations } = await new AxeBuilder({ page: welcome }).withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
  });

  test('the toolbar button opens the reader with activeTab alone; no page is checked on load', async ({ folio, server, page }) => {
    expect(await detectionRanOn(page, server.url(SEED))).toBe(false);
    expect((await folio.badge(page)).text).toBe('');
    await folio.pressToolbarButton(page);
    await expect(page.locator(READER).locator('.folio-body p')).toHaveCount(16);
    await expect(page.locator(READER).locator('.folio-byline')).toHaveText('Gustaf Kilander');
    // The click granted this tab, and only this tab: still no access to sites in general.
    expect(await grantedOrigins(folio)).toEqual([]);
  });
});

