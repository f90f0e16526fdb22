import type { Page } from '@playwright/test';

/**
 * Empties every store of Folio's library from one of its pages. The browser is shared by the spec files
 * of a run (one worker), so a spec that fills or damages the library leaves it empty for the next.
 */
export async function clearLibrary(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('folio-library');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) tx.objectStore(name).clear();
    await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
    db.close();
  });
}
