import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cacheArticleImages } from '../../lib/library/offline-images/cache-article-images';
import { cacheImagesIfWanted } from '../../lib/library/offline-images/cache-when-wanted';
import { fetchImage, sniffImageType } from '../../lib/library/offline-images/fetch-image';
import { chosenImageUrl, imagesToCache, srcsetCandidates } from '../../lib/library/offline-images/image-urls';
import type { SafeHtml } from '../../lib/sanitize';
import { saveBehaviourPrefs } from '../../lib/storage/prefs';
import { saveArticle } from '../../lib/storage/library-repo';
import { articleImageRecords, imageStorageUse } from '../../lib/storage/library-repo-images';
import { applyRemoteEntries } from '../../lib/storage/library-repo-sync';
import { deleteArticles, purgeTrash, restoreArticles, UNDO_WINDOW_MS } from '../../lib/storage/library-repo-trash';
import { setArchived } from '../../lib/storage/library-repo';
import { freshDb, makeArticle } from './library-test-helpers';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size: number): Uint8Array<ArrayBuffer> => new Uint8Array(Array.from({ length: size }, (_, i) => PNG[i] ?? i % 251));
const ID = 'https://example.com/post';

/** A fake network: each URL answers with the given bytes (or a status); every request is recorded. */
function fakeNetwork(routes: Record<string, Uint8Array<ArrayBuffer> | number>) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, init });
    const route = routes[url];
    if (route === undefined) throw new TypeError('Failed to fetch');
    if (typeof route === 'number') return new Response(null, { status: route });
    return new Response(route, { headers: { 'content-type': 'image/png', 'content-length': String(route.byteLength) } });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const body = (...srcs: string[]) => srcs.map((src) => `<figure><img src="${src}" alt=""></figure>`).join('<p>text</p>') as SafeHtml;

async function savedWith(html: SafeHtml, leadImage: string | null = null) {
  const db = freshDb();
  const saved = await saveArticle(db, { article: makeArticle({ content: html, leadImage }), pageUrl: ID });
  expect(saved.ok).toBe(true);
  return db;
}

describe('which images an article caches', () => {
  it('reads srcset as the standard does, commas inside URLs included', () => {
    expect(srcsetCandidates('https://cdn.example/w_300,h_200/a.jpg 300w, https://cdn.example/b.jpg 800w,https://c.example/d.jpg 2x')).toEqual([
      { url: 'https://cdn.example/w_300,h_200/a.jpg', width: 300 },
      { url: 'https://cdn.example/b.jpg', width: 800 },
      { url: 'https://c.example/d.jpg', width: null },
    ]);
  });

  it('picks the widest candidate within the width limit, else src', () => {
    expect(chosenImageUrl('s.jpg', 'a.jpg 400w, b.jpg 1200w, c.jpg 2400w', 1600)).toBe('b.jpg');
    expect(chosenImageUrl('s.jpg', 'c.jpg 2400w', 1600)).toBe('s.jpg');
    expect(chosenImageUrl(null, 'c.jpg 2x', 1600)).toBe('c.jpg');
  });

  it('takes each body image once, decoded, plus the lead image; http(s) only; at most the limit', () => {
    const html = '<p><img src="https://a.example/1.jpg?x=1&amp;y=2" alt="a &gt; b"><img src="data:image/png;base64,AAAA"><img src="https://a.example/1.jpg?x=1&amp;y=2"><img src="javascript:x"></p>';
    expect(imagesToCache(html, 'https://a.example/lead.jpg', { maxWidth: 1600, max: 60 })).toEqual(['https://a.example/1.jpg?x=1&y=2', 'https://a.example/lead.jpg']);
    expect(imagesToCache(body('https://a.example/1.png', 'https://a.example/2.png', 'https://a.example/3.png'), null, { maxWidth: 1600, max: 2 })).toHaveLength(2);
  });
});

describe('fetching one image', () => {
  it('sends no cookies and no referrer, and types the Blob from its bytes', async () => {
    const net = fakeNetwork({ 'https://a.example/x.png': png(64) });
    const fetched = await fetchImage('https://a.example/x.png', { maxBytes: 1000, timeoutMs: 1000, fetch: net.fetch });
    expect(fetched.ok && fetched.blob.type).toBe('image/png');
    expect(net.requests[0]!.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('skips what is too large, not a raster image (SVG, HTML), or unreachable', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const net = fakeNetwork({ 'https://a.example/big.png': png(2000), 'https://a.example/i.svg': svg, 'https://a.example/404.png': 404 });
    const options = { maxBytes: 1000, timeoutMs: 1000, fetch: net.fetch };
    expect(await fetchImage('https://a.example/big.png', options)).toEqual({ ok: false, reason: 'too-large' });
    expect(await fetchImage('https://a.example/i.svg', options)).toEqual({ ok: false, reason: 'not-an-image' });
    expect(await fetchImage('https://a.example/404.png', options)).toEqual({ ok: false, reason: 'unreachable' });
    expect(await fetchImage('https://a.example/offline.png', options)).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('recognises the raster formats by their first bytes', () => {
    const bytes = (text: string, at = 0) => Uint8Array.from([...Array(at).fill(0), ...[...text].map((c) => c.charCodeAt(0))]);
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffImageType(bytes('RIFF\0\0\0\0WEBP'))).toBe('image/webp');
    expect(sniffImageType(bytes('ftypavif', 4))).toBe('image/avif');
    expect(sniffImageType(bytes('<html>'))).toBeNull();
  });
});

describe('caching an article’s images', () => {
  it('stores the body’s and the lead image’s bytes as Blobs keyed by article and URL, once', async () => {
    const db = await savedWith(body('https://a.example/1.png', 'https://a.example/2.png'), 'https://a.example/lead.png');
    const net = fakeNetwork({ 'https://a.example/1.png': png(100), 'https://a.example/2.png': png(200), 'https://a.example/lead.png': png(50) });
    const report = await cacheArticleImages(db, ID, { fetch: net.fetch });
    expect(report).toMatchObject({ cached: 3, bytes: 350, skipped: {}, stopped: null });
    const records = await articleImageRecords(db, ID);
    expect(records.ok && records.value.map((r) => [r.url, r.blob?.type, r.bytes]).sort()).toEqual([
      ['https://a.example/1.png', 'image/png', 100],
      ['https://a.example/2.png', 'image/png', 200],
      ['https://a.example/lead.png', 'image/png', 50],
    ]);
    // A second run (another opening) fetches nothing.
    expect(await cacheArticleImages(db, ID, { fetch: net.fetch })).toMatchObject({ cached: 0, known: 3 });
    expect(net.requests).toHaveLength(3);
    expect(await imageStorageUse(db)).toEqual({ ok: true, value: { images: 3, articles: 1, bytes: 350 } });
  });

  it('keeps within the per-article budget and records what it skipped; retries the unreachable later', async () => {
    const db = await savedWith(body('https://a.example/1.png', 'https://a.example/2.png', 'https://a.example/3.png', 'https://a.example/gone.png'));
    const net = fakeNetwork({ 'https://a.example/1.png': png(600), 'https://a.example/2.png': png(600), 'https://a.example/3.png': png(300) });
    const report = await cacheArticleImages(db, ID, { fetch: net.fetch, limits: { maxArticleBytes: 1000, concurrency: 1 } });
    expect(report).toMatchObject({ cached: 2, bytes: 900, skipped: { 'over-budget': 1, unreachable: 1 } });
    const records = await articleImageRecords(db, ID);
    expect(records.ok && records.value.find((r) => r.url === 'https://a.example/2.png')).toMatchObject({ blob: null, skipped: 'over-budget' });
    // The unreachable image left no record, so the next opening tries it again; the skipped one is not refetched.
    await cacheArticleImages(db, ID, { fetch: net.fetch, limits: { maxArticleBytes: 1000 } });
    expect(net.requests.map((r) => r.url).filter((url) => url.endsWith('gone.png'))).toHaveLength(2);
    expect(net.requests.map((r) => r.url).filter((url) => url.endsWith('2.png'))).toHaveLength(1);
  });

  it('stops at the total budget and when the browser says storage is low, without recording anything', async () => {
    const db = await savedWith(body('https://a.example/1.png'));
    const net = fakeNetwork({ 'https://a.example/1.png': png(100) });
    expect(await cacheArticleImages(db, ID, { fetch: net.fetch, limits: { maxTotalBytes: 0 } })).toMatchObject({ cached: 0, stopped: 'total-budget' });
    const estimate = async () => ({ quota: 1_000_000_000, usage: 999_000_000 });
    expect(await cacheArticleImages(db, ID, { fetch: net.fetch, estimate })).toMatchObject({ cached: 0, stopped: 'storage-low' });
    expect(net.requests).toHaveLength(0);
    expect(await cacheArticleImages(db, ID, { fetch: net.fetch })).toMatchObject({ cached: 1 });
  });

  it('a re-save that drops an image drops its bytes', async () => {
    const db = await savedWith(body('https://a.example/1.png', 'https://a.example/2.png'));
    const net = fakeNetwork({ 'https://a.example/1.png': png(100), 'https://a.example/2.png': png(100) });
    await cacheArticleImages(db, ID, { fetch: net.fetch });
    await saveArticle(db, { article: makeArticle({ content: body('https://a.example/2.png') }), pageUrl: ID });
    await cacheArticleImages(db, ID, { fetch: net.fetch });
    const records = await articleImageRecords(db, ID);
    expect(records.ok && records.value.map((r) => r.url)).toEqual(['https://a.example/2.png']);
  });

  it('with "Keep images for offline reading" off, makes no request at all', async () => {
    fakeBrowser.reset();
    const db = await savedWith(body('https://a.example/1.png'));
    const net = fakeNetwork({ 'https://a.example/1.png': png(100) });
    await saveBehaviourPrefs({ offlineImages: false });
    expect(await cacheImagesIfWanted(db, ID, { fetch: net.fetch })).toBeNull();
    expect(net.requests).toHaveLength(0);
    await saveBehaviourPrefs({ offlineImages: true });
    expect(await cacheImagesIfWanted(db, ID, { fetch: net.fetch })).toMatchObject({ cached: 1 });
  });
});

describe('images follow their article', () => {
  let db: Awaited<ReturnType<typeof savedWith>>;
  const count = async () => (await articleImageRecords(db, ID)).ok && (await db.images.count());

  beforeEach(async () => {
    db = await savedWith(body('https://a.example/1.png'));
    await cacheArticleImages(db, ID, { fetch: fakeNetwork({ 'https://a.example/1.png': png(100) }).fetch });
    expect(await count()).toBe(1);
  });

  it('archive keeps them; delete keeps them through the undo window; purge removes them', async () => {
    await setArchived(db, [ID], true);
    expect(await count()).toBe(1);
    await deleteArticles(db, [ID], 1_000);
    expect(await count()).toBe(1);
    await restoreArticles(db, [ID]);
    expect(await count()).toBe(1);
    await deleteArticles(db, [ID], 1_000);
    await purgeTrash(db, 1_000 + UNDO_WINDOW_MS - 1);
    expect(await count()).toBe(1);
    await purgeTrash(db, 1_000 + UNDO_WINDOW_MS);
    expect(await count()).toBe(0);
  });

  it('a deletion from another device removes them', async () => {
    await applyRemoteEntries(db, { entries: [], tombstones: [{ url: ID, deletedAt: Date.now() + 60_000 }] });
    expect(await count()).toBe(0);
  });

  it('images fetched after their article was deleted are not stored', async () => {
    await db.images.clear();
    const net = fakeNetwork({ 'https://a.example/1.png': png(100) });
    const slowFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      await deleteArticles(db, [ID]);
      return net.fetch(input, init);
    }) as typeof fetch;
    expect(await cacheArticleImages(db, ID, { fetch: slowFetch })).toMatchObject({ cached: 0 });
    expect(await count()).toBe(0);
  });
});
