import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import { validated } from '@/lib/messaging-schema';
import type { SaveArticleResult } from '@/lib/library/messages';
import { libraryDb } from '@/lib/storage/db';
import { findSaved } from '@/lib/storage/library-repo';
import { resumePendingSaves, saveArticleJournaled } from '@/lib/storage/save-journal';
import type { Article } from '@/lib/extract/types';
import { cacheImagesAfterSave } from './offline-images';

/** The library's background side: saving for content scripts, which cannot reach the extension's IndexedDB. */

export async function saveToLibrary(article: Article, pageUrl: string): Promise<SaveArticleResult> {
  // Through the pending-save journal: a worker stopped mid-save finishes it on its next start.
  const result = await saveArticleJournaled(libraryDb(), browser.storage.local, { article, pageUrl });
  if (!result.ok) {
    console.warn('Folio: save failed', result.error.detail);
    return result;
  }
  // The save is answered first; images follow in the background and never hold it up.
  cacheImagesAfterSave(result.value.record.id);
  return { ok: true, id: result.value.record.id, created: result.value.created };
}

export function openSavedArticle(id: string): Promise<unknown> {
  return browser.tabs.create({ url: `${browser.runtime.getURL('/article.html')}?id=${encodeURIComponent(id)}` });
}

let resumed: Promise<void> = Promise.resolve();

/** Finishes saves an earlier worker left unfinished (lib/storage/save-journal.ts). */
export function resumeUnfinishedSaves(): Promise<void> {
  resumed = resumePendingSaves(libraryDb(), browser.storage.local).then((report) => {
    if (report.completed + report.alreadyDone + report.kept + report.dropped > 0) console.info('Folio: unfinished saves', report);
  });
  return resumed;
}

export function registerLibraryMessages(): void {
  onMessage('saveArticle', validated('saveArticle', ({ data }) => saveToLibrary(data.article, data.pageUrl)));
  onMessage(
    'getSavedState',
    validated('getSavedState', async ({ data }) => {
      // A page whose save was cut off by a stopped worker asks again: answer once the journal is replayed.
      await resumed.catch(() => undefined);
      const found = await findSaved(libraryDb(), data.pageUrl, data.canonicalUrl);
      const record = found.ok ? found.value : null;
      return { saved: record !== null, id: record?.id ?? null };
    }),
  );
  onMessage('openSavedArticle', validated('openSavedArticle', ({ data }) => void openSavedArticle(data.id)));
}
