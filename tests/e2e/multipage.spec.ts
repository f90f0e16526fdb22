import type { IncomingMessage } from 'node:http';
import { READER, expect, test } from './harness/fixtures';
import { deleteSavedArticles } from './harness/delete-saved';
import { saveOpenArticleAndFindIt } from './harness/saved-article';

/**
 * A three-page story (tests/fixtures/multipage: rel="next" and a "Pages: 1 2 3 Next page ›" pager on
 * each page): Folio offers to load the next page, never loads it by itself, appends pages 2 and 3
 * after "Page N" headings, and Save keeps all three.
 */
const FIRST = 'multipage/long-read.html';
const TITLE = 'The last keeper of Gull Point';

test.afterAll(async ({ folio }) => deleteSavedArticles(folio, TITLE));

test('continue loads pages 2 and 3 on request, with visible progress, and Save keeps all three', async ({ folio, server, page }) => {
  const served: string[] = [];
  const onRequest = (request: IncomingMessage) => served.push(new URL(request.url ?? '/', server.origin).pathname);
  server.server.on('request', onRequest);
  try {
    await page.goto(server.url(FIRST), { waitUntil: 'load' });
    await folio.pressToolbarButton(page);
    const reader = page.locator(READER);
    const body = reader.locator('.folio-body');
    await expect(body).toContainText('The lighthouse on Gull Point has stood');
    const next = reader.getByRole('button', { name: 'Continue: load page 2' });
    await expect(next).toBeVisible();
    await expect(reader.locator('.folio-continue-note')).toContainText(new URL(server.origin).host);
    // Offered, not fetched: the overlay is up and page 2 has not been asked for.
    await expect(reader.locator('.folio-save')).toHaveText(/^(Save|Saved ✓)$/, { timeout: 20_000 });
    expect(served.filter((path) => path.includes('long-read-'))).toEqual([]);

    // Keyboard: the control takes focus and Enter loads the page.
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(body.getByRole('heading', { name: 'Page 2' })).toBeVisible();
    await expect(body).toContainText('Volunteers have started anyway');
    await expect(reader.getByRole('status').filter({ hasText: 'Page 2 added above.' })).toHaveCount(1);
    const third = reader.getByRole('button', { name: 'Continue: load page 3' });
    await expect(third).toBeFocused();
    await third.click();
    await expect(body.getByRole('heading', { name: 'Page 3' })).toBeVisible();
    await expect(body).toContainText('A glassblower from the next valley');
    await expect(reader.locator('.folio-continue')).toContainText('End of the story: all 3 pages are shown.');
    await expect(reader.getByRole('button', { name: /Continue/ })).toHaveCount(0);
    // The button went with the last page; focus stays at the end of the story, on what happened.
    await expect(reader.locator('.folio-continue').getByRole('status')).toBeFocused();
    expect(served.filter((path) => path.includes('long-read-'))).toEqual(['/multipage/long-read-2.html', '/multipage/long-read-3.html']);

    // Each page's text once, in order, with its separator; no page's pager or repeated standfirst.
    const text = (await body.innerText()).replace(/\s+/g, ' ');
    const order = ['Gull Point has stood', 'Page 2', 'Volunteers have started', 'Page 3', 'A glassblower'].map((part) => text.indexOf(part));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), text).toBe(true);
    expect(text).not.toContain('Next page ›');
    expect(text.split('A lighthouse, its last keeper').length - 1).toBeLessThanOrEqual(1);

    const saved = await saveOpenArticleAndFindIt(page, folio.extensionId, TITLE);
    await page.goto(saved);
    const savedBody = page.locator('.folio-body');
    await expect(savedBody).toContainText('The lighthouse on Gull Point has stood');
    await expect(savedBody.getByRole('heading', { name: 'Page 2' })).toBeVisible();
    await expect(savedBody).toContainText('Volunteers have started anyway');
    await expect(savedBody.getByRole('heading', { name: 'Page 3' })).toBeVisible();
    await expect(savedBody).toContainText('Ada Marsh says she will climb the stairs one more time');
  } finally {
    server.server.off('request', onRequest);
  }
});

test('a page that fails to load says why, and "Try again" (focused) loads it', async ({ folio, server, page }) => {
  await page.goto(server.url(FIRST), { waitUntil: 'load' });
  // The next page is gone by the time the reader asks for it (the server answers 404).
  await page.route('**/multipage/long-read-2.html', (route) => route.fulfill({ status: 404, body: 'not found' }), { times: 1 });
  await folio.pressToolbarButton(page);
  const reader = page.locator(READER);
  await reader.getByRole('button', { name: 'Continue: load page 2' }).click();
  await expect(reader.getByRole('alert')).toContainText('Page 2 could not be loaded: The site answered 404');
  const retry = reader.getByRole('button', { name: 'Try again: load page 2' });
  await expect(retry).toBeFocused();
  await retry.click();
  await expect(reader.locator('.folio-body').getByRole('heading', { name: 'Page 2' })).toBeVisible();
  await expect(reader.getByRole('alert')).toHaveText('');
});
