import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchWithExtension } from './harness/extension';
import { expect, test } from './harness/fixtures';

/**
 * Issue 4: "export then import into a fresh profile and compare". The library is built through Folio's
 * own paths (saves through the background as the overlay sends them, a highlight with a note, tags,
 * archive and favourite in the library page, progress from the reader page), exported as Folio JSON,
 * and imported into a second browser profile that has never seen Folio's data. Both libraries are then
 * read straight from IndexedDB and compared.
 */

test.describe.configure({ mode: 'serial' });

const paragraphs = (words: string) => Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} about ${words}, with enough words to scroll the reader page a long way.</p>`).join('');

const ARTICLES = [
  { url: 'https://roundtrip.example/granite', title: 'Granite and how it weathers', words: 'granite feldspar quartz' },
  { url: 'https://roundtrip.example/tides', title: 'Tides of the northern sea', words: 'tides moon estuary' },
  { url: 'https://roundtrip.example/looms', title: 'Looms and the punched card', words: 'looms jacquard weaving' },
] as const;

const HIGHLIGHT = {
  id: 'roundtrip-highlight-1',
  articleId: ARTICLES[0].url,
  selector: { exact: 'Paragraph 3 about granite', prefix: 'scroll the reader page a long way.', suffix: ' feldspar' },
  position: { start: 300, end: 325 },
  color: 'yellow',
  note: 'Ask the geologist about zircon dating',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};

/** Sends a message to the background in @webext-core/messaging's wire format, as the overlay does. */
async function sendToBackground(page: Page, type: string, data: unknown): Promise<unknown> {
  return page.evaluate(
    async ([messageType, messageData]) => {
      const response = (await chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type: messageType, data: messageData, timestamp: Date.now() })) as { res?: unknown; err?: unknown };
      if (response.err) throw new Error(JSON.stringify(response.err));
      return response.res;
    },
    [type, data] as const,
  );
}

interface LibraryDump {
  articles: Record<string, unknown>[];
  contents: { id: string; textContent: string }[];
  highlights: Record<string, unknown>[];
}

/** The whole library as stored, read straight from IndexedDB (sorted, so two dumps compare). */
async function dumpLibrary(page: Page): Promise<LibraryDump> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('folio-library');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error);
      });
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
    const [articles, contents, highlights] = await Promise.all([all('articles'), all('contents'), all('highlights')]);
    db.close();
    return {
      articles: articles.sort(byId),
      contents: contents.sort(byId).map((content) => ({ id: String(content.id), textContent: String(content.textContent) })),
      highlights: highlights.sort(byId),
    };
  });
}

test('a library exported as Folio JSON and imported into a fresh profile is the same library', async ({ folio, page }) => {
  test.setTimeout(180_000);
  const library = `chrome-extension://${folio.extensionId}/library.html`;
  await page.goto(library);

  for (const article of ARTICLES) {
    const content = paragraphs(article.words);
    const textContent = content.replace(/<[^>]+>/g, '\n').trim();
    const saved = (await sendToBackground(page, 'saveArticle', {
      pageUrl: `${article.url}?utm_source=newsletter`,
      article: {
        url: article.url,
        title: article.title,
        byline: 'A. Writer',
        siteName: 'Roundtrip',
        siteIcon: null,
        publishedTime: '2025-03-01T00:00:00Z',
        lang: 'en',
        dir: 'ltr',
        excerpt: `About ${article.words}.`,
        leadImage: null,
        content,
        textContent,
        wordCount: 600,
        readingMinutes: 3,
      },
    })) as { ok: boolean };
    expect(saved.ok).toBe(true);
  }
  expect(await sendToBackground(page, 'putHighlight', HIGHLIGHT)).toEqual({ ok: true, value: undefined });

  // Tag, archive and favourite in the library page, as a person would.
  await page.reload();
  const row = (title: string) => page.locator('.folio-row', { hasText: title });
  await row(ARTICLES[1].title).getByRole('checkbox').check();
  await page.getByPlaceholder(/tag/i).fill('oceans');
  await page.getByPlaceholder(/tag/i).press('Enter');
  await expect(row(ARTICLES[1].title).locator('.folio-tag')).toHaveText('oceans');
  await row(ARTICLES[0].title).getByRole('button', { name: 'Add to favourites' }).click();
  await expect(row(ARTICLES[0].title).getByRole('button', { name: 'Remove from favourites' })).toBeVisible();
  await row(ARTICLES[2].title).getByRole('button', { name: 'Archive' }).click();
  await expect(row(ARTICLES[2].title)).toHaveCount(0);

  // Progress from the reader page: scroll part of the way down.
  await page.goto(`chrome-extension://${folio.extensionId}/article.html?id=${encodeURIComponent(ARTICLES[0].url)}`);
  await expect(page.locator('.folio-reader .folio-title')).toHaveText(ARTICLES[0].title);
  await page.locator('.folio-reader').evaluate((scroller) => scroller.scrollTo(0, (scroller.scrollHeight - scroller.clientHeight) / 2));
  // The reader page stores progress a moment after scrolling stops.
  await expect
    .poll(async () => ((await dumpLibrary(page)).articles.find((record) => record.id === ARTICLES[0].url)?.progress as { percent: number }).percent)
    .toBeGreaterThan(0);
  await page.goto(library);
  await expect(row(ARTICLES[0].title).locator('.folio-row-meta')).toContainText('%');

  const source = await dumpLibrary(page);
  const granite = source.articles.find((record) => record.id === ARTICLES[0].url)!;
  expect(granite).toMatchObject({ favourite: 1, archived: 0 });
  expect((granite.progress as { percent: number }).percent).toBeGreaterThan(0);
  expect(source.articles.find((record) => record.id === ARTICLES[1].url)).toMatchObject({ tags: ['oceans'] });
  expect(source.articles.find((record) => record.id === ARTICLES[2].url)).toMatchObject({ archived: 1 });
  expect(source.highlights.map((highlight) => highlight.id)).toContain(HIGHLIGHT.id);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Folio JSON' }).click();
  const exported = await (await downloading).path();
  await expect(page.locator('.folio-report')).toContainText(`Exported ${source.articles.length} articles`);
  expect(JSON.parse(readFileSync(exported, 'utf8'))).toBeTruthy();

  const fresh = await launchWithExtension();
  try {
    const target = await fresh.context.newPage();
    const freshLibrary = `chrome-extension://${fresh.extensionId}/library.html`;
    await target.goto(freshLibrary);
    await expect(target.getByTestId('library-count')).toHaveText('0 articles');
    await target.getByTestId('import-file').setInputFiles(exported);
    await expect(target.locator('.folio-report')).toContainText(`Imported ${source.articles.length} new, updated 0.`);

    expect(await dumpLibrary(target)).toEqual(source);

    // And the imported library works: the tag filter, the archive, and search over the highlight's note.
    await target.reload();
    await target.getByRole('button', { name: /^oceans/ }).click();
    await expect(target.locator('.folio-row-title')).toHaveText(ARTICLES[1].title);
    await target.getByRole('button', { name: 'Archive', exact: true }).first().click();
    await expect(target.locator('.folio-row', { hasText: ARTICLES[2].title })).toBeVisible();
    await target.getByLabel('Search the library').fill('zircon');
    const match = target.locator('.folio-row', { hasText: ARTICLES[0].title }).locator('.folio-row-highlight');
    await expect(match).toContainText('Paragraph 3 about granite');
    await expect(match).toContainText('Note: Ask the geologist about zircon dating');
    // The highlight matches are a new view in the list: no serious or critical axe violations in it.
    // The list re-renders once the search index is complete (the search is asked again): scan again if
    // the view was replaced under the scan.
    let violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'] = [];
    await expect(async () => {
      ({ violations } = await new AxeBuilder({ page: target }).include('.folio-row-highlights').analyze());
    }).toPass({ timeout: 15_000 });
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
    // The search index lives in the library's worker, not on the page.
    expect(target.workers().map((worker) => worker.url())).toContainEqual(expect.stringContaining('search.worker'));
  } finally {
    await fresh.close();
  }

  // The browser is shared with the other spec files, which expect only their own articles: delete these.
  await page.goto(library);
  await page.getByRole('button', { name: 'Everything' }).click();
  for (const article of ARTICLES) await row(article.title).getByRole('checkbox').check();
  await page.locator('.folio-bulk').getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.folio-notice')).toContainText(`Deleted ${ARTICLES.length} articles.`);
  for (const article of ARTICLES) await expect(row(article.title)).toHaveCount(0);
});
