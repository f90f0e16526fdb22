import { useEffect } from 'react';
import { cacheImagesIfWanted } from '@/lib/library/offline-images/cache-when-wanted';
import { showCachedImages } from '@/lib/reading/offline-image-swap';
import { libraryDb } from '@/lib/storage/db';
import { articleImageRecords } from '@/lib/storage/library-repo-images';

/**
 * The saved-article page's images: the cached ones shown from their bytes (online or not), then any the
 * article names but has not cached yet (an imported article, a first opening after a download, an image
 * unreachable at save time) fetched for the next reading, when "Keep images for offline reading" is on.
 * Until bytes are there an image shows from its URL, as before. Object URLs are revoked on leaving.
 */
export function useOfflineImages(article: HTMLElement | null, articleId: string): void {
  useEffect(() => {
    if (!article) return;
    let cancelled = false;
    const objectUrls: string[] = [];
    const revoke = () => objectUrls.splice(0).forEach((url) => URL.revokeObjectURL(url));
    void (async () => {
      const records = await articleImageRecords(libraryDb(), articleId);
      if (cancelled || !records.ok) return;
      const cached = new Map(records.value.flatMap((image) => (image.blob ? [[image.url, image.blob] as const] : [])));
      objectUrls.push(...showCachedImages(article, cached));
      await cacheImagesIfWanted(libraryDb(), articleId).catch(() => null);
    })();
    window.addEventListener('pagehide', revoke);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', revoke);
      revoke();
    };
  }, [article, articleId]);
}

/** Mounted beside the reading tools, where the rendered article body is known. */
export function OfflineImages({ body, articleId }: { body: HTMLElement | null; articleId: string }) {
  useOfflineImages(body?.closest('article') ?? body, articleId);
  return null;
}
