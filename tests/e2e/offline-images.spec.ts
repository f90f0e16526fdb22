import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Request } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './harness/extension';
import { READER, expect, test } from './harness/fixtures';
import { saveOpenArticleAndFindIt } from './harness/saved-article';
import { welcomePage } from './harness/welcome-page';
import { noisePng, PIXEL_GIF, SCRIPTED_SVG } from './harness/test-images';

/**
 * Saved articles' images for offline reading (README "Where data lives"): cached after the save, shown
 * from their bytes with no server at all, within the limits, nothing fetched when the preference is off,
 * and, in click-only mode, what the activeTab grant and CORS allow.
 */

const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i}${i % 9 === 8 ? '.' : ''}`).join(' ');
const paragraphs = (seed: string) => Array.from({ length: 6 }, (_, i) => `<p>${words(70, `${seed}${i}w`)}</p>`).join('');

const IMAGES: Record<string, { body: Buffer; type: string }> = {
  '/img/wide.png': { body: noisePng(2400, 300, 1), type: 'image/png' },
  '/img/small.png': { body: noisePng(400, 200, 2), type: 'image/png' },
  '/img/small-2x.png': { body: noisePng(800, 400, 3), type: 'image/png' },
  '/img/pixel.gif': { body: PIXEL_GIF, type: 'image/gif' },
  '/img/drawing.svg': { body: SCRIPTED_SVG, type: 'image/svg+xml' },
  // Over the 5 MB a single image may weigh (2000 × 1000 × 3 bytes of noise).
  '/img/huge.png': { body: noisePng(2000, 1000, 4), type: 'image/png' },
};

function articleHtml(title: string, crossOrigin: string | null): string {
  const figure = (src: string, extra = '') => `<figure><img src="${src}" alt="Figure ${src}" width="600" height="300"${extra}><figcaption>Caption of ${src}.</figcaption></figure>`;
  const foreign = crossOrigin ? figure(`${crossOrigin}/img/cors.png`) + figure(`${crossOrigin}/img/nocors.png`) : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><article><h1>${title}</h1>
${paragraphs('alpha')}${figure('/img/wide.png')}${paragraphs('beta')}${figure('/img/small.png', ' srcset="/img/small.png 400w, /img/small-2x.png 800w" sizes="600px"')}
${figure('/img/pixel.gif')}${figure('/img/drawing.svg')}${figure('/img/huge.png')}${foreign}${paragraphs('gamma')}</article></main></body></html>`;
}

interface Site {
  origin: string;
  /** Paths served, in order. */
  served: string[];
  close(): Promise<void>;
}

/** A site with the article at /article-<name>.html and its images; `cors` answers images with `Access-Control-Allow-Origin: *`. */
async function startSite(options: { crossOrigin?: string | null; corsFor?: (path: string) => boolean } = {}): Promise<Site> {
  const served: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    served.push(path);
    const article = /^\/article-(\w+)\.html$/.exec(path);
    if (article) return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(articleHtml(`Offline pictures ${article[1]}`, options.crossOrigin ?? null));
    const image = IMAGES[path] ?? (path === '/img/cors.png' || path === '/img/nocors.png' ? { body: noisePng(300, 200, 5), type: 'image/png' } : undefined);
    if (!image) return void response.writeHead(404).end();
    const cors = options.corsFor?.(path) ? { 'access-control-allow-origin': '*' } : {};
    response.writeHead(200, { 'content-type': image.type, 'content-length': String(image.body.length), 'cache-control': 'no-store', ...cors }).end(image.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

interface StoredImage {
  url: string;
  type: string | null;
  bytes: number;
  skipped: string | null;
}

/** The images store's records of one article, read from one of Folio's pages. */
async function storedImages(extensionPage: Page, articleId: string): Promise<StoredImage[]> {
  return extensionPage.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('folio-library');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const records = await new Promise<Array<{ articleId: string; url: string; blob: Blob | null; bytes: number; skipped: string | null }>>((resolve, reject) => {
      const request = db.transaction('images').objectStore('images').index('articleId').getAll(id);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return records.map((r) => ({ url: r.url, type: r.blob?.type ?? null, bytes: r.bytes, skipped: r.skipped })).sort((a, b) => a.url.localeCompare(b.url));
  }, articleId);
}

const idOf = (href: string) => new URL(href).searchParams.get('id')!;
const pathOf = (url: string) => new URL(url).pathname;

/** Image requests made by Folio's service worker (the page's own and the reader's <img> loads are the page's). */
function recordWorkerImageRequests(folio: ExtensionBrowser): { urls: string[]; stop(): void } {
  const urls: string[] = [];
  const onRequest = (request: Request) => {
    if (request.serviceWorker() && /\/img\//.test(request.url())) urls.push(request.url());
  };
  folio.context.on('request', onRequest);
  return { urls, stop: () => folio.context.off('request', onRequest) };
}

async function saveArticleAt(folio: ExtensionBrowser, page: Page, url: string, title: string): Promise<string> {
  await page.goto(url);
  // The toolbar button acts on the window's active tab (another test page may be in front).
  await page.bringToFront();
  await folio.pressToolbarButton(page);
  await expect(page.locator(`${READER} .folio-body figure`).first()).toBeVisible({ timeout: 20_000 });
  return saveOpenArticleAndFindIt(page, folio.extensionId, title);
}

test.describe.configure({ mode: 'serial' });

test.describe('offline images (access to all sites)', () => {
  test('cached after the save, shown from their bytes with the server stopped, within the limits', async ({ folio, page }) => {
    const site = await startSite();
    const worker = recordWorkerImageRequests(folio);
    let href: string;
    try {
      await page.goto(`${site.origin}/article-one.html`);
      await folio.pressToolbarButton(page);
      await expect(page.locator(`${READER} .folio-body figure`).first()).toBeVisible({ timeout: 20_000 });
      // Reading is not saving: nothing fetched for the offline copy yet.
      expect(worker.urls).toEqual([]);
      href = await saveOpenArticleAndFindIt(page, folio.extensionId, 'Offline pictures one');
      const expected = ['/img/drawing.svg', '/img/huge.png', '/img/pixel.gif', '/img/small-2x.png', '/img/wide.png'];
      await expect.poll(() => storedImages(page, idOf(href)).then((images) => images.map((image) => pathOf(image.url))), { timeout: 30_000 }).toEqual(expected);
      // Only the article's images, the srcset candidate it will show (not the 400w one), each once.
      expect(worker.urls.map(pathOf).sort()).toEqual(expected);
      const stored = await storedImages(page, idOf(href));
      expect(stored.map((image) => [pathOf(image.url), image.type, image.skipped])).toEqual([
        ['/img/drawing.svg', null, 'not-an-image'],
        ['/img/huge.png', null, 'too-large'],
        ['/img/pixel.gif', 'image/gif', null],
        ['/img/small-2x.png', 'image/png', null],
        ['/img/wide.png', 'image/webp', null],
      ]);
      // The 2400 px noise PNG (2.1 MB) was redrawn at 1600 px as WebP.
      expect(stored.find((image) => image.url.endsWith('/wide.png'))!.bytes).toBeLessThan(IMAGES['/img/wide.png']!.body.length);
    } finally {
      worker.stop();
      await site.close();
    }

    // No server at all now: the reader page shows the cached images from blob: URLs.
    const reader = await folio.context.newPage();
    await reader.goto(href);
    await expect(reader.locator('.folio-reader .folio-title')).toHaveText('Offline pictures one');
    const shown = async () =>
      reader.locator('.folio-reader .folio-body img').evaluateAll((images) =>
        (images as HTMLImageElement[]).map((image) => ({ src: image.src.split(':')[0], shown: image.naturalWidth > 0, name: image.alt.replace(/^Figure .*\/img\//, '') })),
      );
    await expect.poll(shown, { timeout: 15_000 }).toEqual([
      { src: 'blob', shown: true, name: 'wide.png' },
      { src: 'blob', shown: true, name: 'small.png' },
      { src: 'blob', shown: true, name: 'pixel.gif' },
      // Not cached: the URL stays (and shows nothing offline).
      { src: 'http', shown: false, name: 'drawing.svg' },
      { src: 'http', shown: false, name: 'huge.png' },
    ]);
    // The wide image is the downscaled copy.
    expect(await reader.locator('.folio-reader .folio-body img').first().evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(1600);
    await reader.goto(folio.extensionUrl('options.html'));
    await expect(reader.getByText(/^Images kept: 3 in 1 article, /)).toBeVisible();
    await reader.close();
  });

  test('with "Keep images for offline reading" off, a save fetches no image', async ({ folio, page }) => {
    const site = await startSite();
    const worker = recordWorkerImageRequests(folio);
    const settings = await folio.context.newPage();
    await settings.goto(folio.extensionUrl('options.html'));
    const keep = settings.getByLabel('Keep images for offline reading');
    await expect(keep).toBeChecked();
    // A controlled checkbox: it shows the new state once the synced preference is written.
    await keep.click();
    await expect(keep).not.toBeChecked();
    try {
      const href = await saveArticleAt(folio, page, `${site.origin}/article-two.html`, 'Offline pictures two');
      // A save with the preference on had its first image request within moments (test above); give this one ample time.
      await page.waitForTimeout(3_000);
      expect(worker.urls).toEqual([]);
      expect(await storedImages(page, idOf(href))).toEqual([]);
    } finally {
      worker.stop();
      await keep.click();
      await expect(keep).toBeChecked();
      await settings.close();
      await site.close();
    }
  });
});

// fixme: flaky when it runs after another spec's browser in the same worker (2 of 3 runs after
// migration-10k.spec.ts, 0 of 5 alone): the toolbar click on the fresh click-only install opens no
// overlay at all (the page is left as it was), so the caching is never reached. Whether the first click
// after an install can be lost under load is the open question; kept visible here until it is answered.
test.fixme('click-only mode: the saved tab’s own images and CORS-open ones are cached, others keep their URL', async () => {
  test.setTimeout(90_000);
  const foreign = await startSite({ corsFor: (path) => path === '/img/cors.png' });
  const site = await startSite({ crossOrigin: foreign.origin });
  const folio = await launchWithExtension({ allSites: 'not-granted' });
  try {
    // A fresh install opens its onboarding page; once it is there it cannot take the front mid-test, and
    // the article gets a window of its own so it stays the active tab the click-only grant needs.
    await welcomePage(folio.context, folio.extensionId);
    const page = await folio.newWindowPage();
    const href = await saveArticleAt(folio, page, `${site.origin}/article-three.html`, 'Offline pictures three');
    const cachedPaths = async () => (await storedImages(page, idOf(href))).filter((image) => image.type).map((image) => `${new URL(image.url).origin === foreign.origin ? 'foreign' : 'own'} ${pathOf(image.url)}`).sort();
    await expect.poll(cachedPaths, { timeout: 30_000 }).toEqual(['foreign /img/cors.png', 'own /img/pixel.gif', 'own /img/small-2x.png', 'own /img/wide.png']);
    // The image without CORS was refused to Folio (no access to its site): not recorded, so tried again on a later opening.
    expect((await storedImages(page, idOf(href))).some((image) => image.url.endsWith('/nocors.png'))).toBe(false);
  } finally {
    await folio.close();
    await site.close();
    await foreign.close();
  }
});
