import { expect, test } from './harness/fixtures';
import { registeredDetectionScripts } from './harness/extension';
import { detectionRanOn, grantedOrigins } from './harness/detection';

const SEED = 'seed/modal-scroll-lock/source.html';

test.describe('automatic detection: access to all sites granted (test-only manifest copy)', () => {
  test('withholding the access unregisters detection; granting it again turns detection back on', async ({ folio, server, page }) => {
    expect(await registeredDetectionScripts(folio.worker)).toEqual(['folio-detect']);
    expect(await detectionRanOn(page, server.url(SEED))).toBe(true);
    await expect.poll(async () => (await folio.badge(page)).text).toBe('✓');

    await folio.testOnlySetAllSitesAccess(false);
    await expect.poll(() => registeredDetectionScripts(folio.worker)).toEqual([]);
    expect(await detectionRanOn(page, server.url(SEED))).toBe(false);
    expect((await folio.badge(page)).text).toBe('');

    await folio.testOnlySetAllSitesAccess(true);
    await expect.poll(() => registeredDetectionScripts(folio.worker)).toEqual(['folio-detect']);
    expect(await detectionRanOn(page, server.url(SEED))).toBe(true);
    await expect.poll(async () => (await folio.badge(page)).text).toBe('✓');
  });

  test('switching to click only in the options page unregisters the script; a new page load gets none', async ({ folio, server, page }) => {
    const options = await folio.context.newPage();
    await options.goto(`chrome-extension://${folio.extensionId}/options.html`);
    const section = options.getByRole('region', { name: 'How Folio finds articles' });
    await expect(section.getByRole('status')).toHaveText('Automatic detection is on.');

    await section.getByRole('button', { name: 'Switch to click only' }).click();
    await expect(section.getByRole('status')).toHaveText('Folio is in click-only mode.');
    await expect.poll(() => registeredDetectionScripts(folio.worker)).toEqual([]);
    expect(await detectionRanOn(page, server.url(SEED))).toBe(false);
    expect((await folio.badge(page)).text).toBe('');
    // The access itself stays (library downloads use it) until the user gives it back.
    expect(await grantedOrigins(folio)).toEqual(['<all_urls>']);

    // Already granted: the browser answers the request at once, without a prompt.
    await section.getByRole('button', { name: 'Turn on automatic detection' }).click();
    await expect(section.getByRole('status')).toHaveText('Automatic detection is on.');
    await expect.poll(() => registeredDetectionScripts(folio.worker)).toEqual(['folio-detect']);
    expect(await detectionRanOn(page, server.url(SEED))).toBe(true);
    await options.close();
  });
});
