import type { LibraryDb } from '../../storage/db';
import { loadBehaviourPrefs } from '../../storage/prefs';
import { cacheArticleImages, type CacheImagesDeps, type CacheImagesReport } from './cache-article-images';

/**
 * The one entry every caller uses (after a save, a download, a first opening): nothing at all — not a
 * request — when "Keep images for offline reading" is off; else the article's images, within limits.
 */
export async function cacheImagesIfWanted(db: LibraryDb, articleId: string, deps: CacheImagesDeps = {}): Promise<CacheImagesReport | null> {
  const prefs = await loadBehaviourPrefs();
  if (!prefs.offlineImages) return null;
  const storage = globalThis.navigator?.storage;
  const estimate = typeof storage?.estimate === 'function' ? () => storage.estimate() : undefined;
  return cacheArticleImages(db, articleId, { estimate, ...deps });
}
