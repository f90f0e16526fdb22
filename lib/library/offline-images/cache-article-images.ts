import type { LibraryDb } from '../../storage/db';
import { articleImageRecords, imageStorageUse, keepArticleImages, putArticleImage } from '../../storage/library-repo-images';
import { getArticle } from '../../storage/library-repo';
import type { ImageRecord, ImageSkipReason } from '../../storage/schema';
import { fetchImage } from './fetch-image';
import { imagesToCache } from './image-urls';
import { OFFLINE_IMAGE_LIMITS, type OfflineImageLimits } from './limits';
import { shrinkImage, type ShrinkImage } from './shrink-image';

/**
 * Caches a saved article's images for offline reading, after the article itself is stored (never before:
 * a save never waits for images). Only the images its sanitized body and lead image name are fetched;
 * images already recorded are not fetched again; images its body no longer names are dropped. Within
 * the limits of ./limits.ts: per image, per article, in total, and the browser's own storage estimate.
 */

export interface CacheImagesDeps {
  fetch?: typeof fetch;
  shrink?: ShrinkImage;
  /** `navigator.storage.estimate` where there is one. */
  estimate?: () => Promise<StorageEstimate>;
  limits?: Partial<OfflineImageLimits>;
  now?: () => number;
}

export interface CacheImagesReport {
  /** Images newly cached. */
  cached: number;
  /** Images already cached or skipped by an earlier run. */
  known: number;
  skipped: Partial<Record<ImageSkipReason | 'unreachable', number>>;
  bytes: number;
  /** Why nothing (more) was cached: the total budget or the disk is full. */
  stopped: 'total-budget' | 'storage-low' | null;
}

async function roomLeft(estimate: CacheImagesDeps['estimate'], minFreeBytes: number): Promise<boolean> {
  if (!estimate) return true;
  try {
    const { quota, usage } = await estimate();
    return quota === undefined || usage === undefined || quota - usage >= minFreeBytes;
  } catch {
    return true;
  }
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

export async function cacheArticleImages(db: LibraryDb, articleId: string, deps: CacheImagesDeps = {}): Promise<CacheImagesReport> {
  const limits = { ...OFFLINE_IMAGE_LIMITS, ...deps.limits };
  const now = deps.now ?? Date.now;
  const report: CacheImagesReport = { cached: 0, known: 0, skipped: {}, bytes: 0, stopped: null };
  const saved = await getArticle(db, articleId);
  if (!saved.ok || !saved.value.content) return report;
  const { record, content } = saved.value;
  const urls = imagesToCache(content.content, record.leadImage, { maxWidth: limits.maxWidth, max: limits.maxImagesPerArticle });
  await keepArticleImages(db, articleId, urls);
  const existing = await articleImageRecords(db, articleId);
  if (!existing.ok) return report;
  const known = new Set(existing.value.map((image) => image.url));
  const todo = urls.filter((url) => !known.has(url));
  // Every opening of a saved article comes here: when nothing is missing, no scan of the whole store.
  if (todo.length === 0) return { ...report, known: known.size };
  const use = await imageStorageUse(db);
  if (!use.ok) return report;
  report.known = known.size;
  let articleBytes = existing.value.reduce((sum, image) => sum + image.bytes, 0);
  let totalBytes = use.value.bytes;
  if (totalBytes >= limits.maxTotalBytes) return { ...report, stopped: 'total-budget' };
  if (!(await roomLeft(deps.estimate, limits.minFreeBytes))) return { ...report, stopped: 'storage-low' };

  const skip = (reason: ImageSkipReason | 'unreachable') => (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);
  const store = async (url: string, blob: Blob | null, skipped: ImageSkipReason | null) => {
    const image: ImageRecord = { schemaVersion: 3, articleId, url, blob, bytes: blob?.size ?? 0, skipped, cachedAt: now() };
    const stored = await putArticleImage(db, image);
    return stored.ok && stored.value;
  };

  await inParallel(todo, limits.concurrency, async (url) => {
    if (totalBytes >= limits.maxTotalBytes) {
      // Not recorded: tried again once deleting articles has made room.
      report.stopped = 'total-budget';
      return;
    }
    if (articleBytes >= limits.maxArticleBytes) {
      skip('over-budget');
      await store(url, null, 'over-budget');
      return;
    }
    const fetched = await fetchImage(new URL(url, record.url).href, { maxBytes: limits.maxDownloadBytes, timeoutMs: limits.fetchTimeoutMs, fetch: deps.fetch });
    if (!fetched.ok) {
      skip(fetched.reason);
      // An unreachable image (offline, no access to its site) is tried again on a later opening.
      if (fetched.reason !== 'unreachable') await store(url, null, fetched.reason);
      return;
    }
    const blob = await (deps.shrink ?? shrinkImage)(fetched.blob, limits.maxWidth);
    const reason: ImageSkipReason | null = !blob ? 'not-an-image' : articleBytes + blob.size > limits.maxArticleBytes ? 'over-budget' : null;
    if (reason) {
      skip(reason);
      await store(url, null, reason);
      return;
    }
    articleBytes += blob!.size;
    totalBytes += blob!.size;
    if (await store(url, blob, null)) {
      report.cached += 1;
      report.bytes += blob!.size;
    }
  });
  return report;
}
