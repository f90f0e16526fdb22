import { cacheImagesIfWanted } from '@/lib/library/offline-images/cache-when-wanted';
import { libraryDb } from '@/lib/storage/db';

/**
 * After a save has been answered: the article's images, for offline reading, in the background. The
 * worker fetches with the access it holds at that moment: in click-only mode the activeTab grant of the
 * tab just saved (its own origin), other origins only when they allow CORS; with access to all sites,
 * every image. What cannot be fetched keeps its URL and is tried again when the article is opened.
 */
export function cacheImagesAfterSave(id: string): void {
  void cacheImagesIfWanted(libraryDb(), id)
    .then((report) => {
      if (report && (report.cached || report.stopped || Object.keys(report.skipped).length)) console.info('Folio: offline images', id, report);
    })
    .catch((error) => console.warn('Folio: offline images not cached', error));
}
