import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import type { SaveArticleResult } from '@/lib/library/messages';
import { libraryDb } from '@/lib/storage/db';
import { findSaved, saveArticle } from '@/lib/storage/library-repo';
import type { Article } from '@/lib/extract/types';

/** The library's background side: saving for content scripts, which cannot reach the extension's IndexedDB. */

export async function saveToLibrary(article: Article, pageUrl: string): Promise<SaveArticleResult> {
  const result = await saveArticle(libraryDb(), { article, pageUrl });
  if (!result.ok) {
    console.warn('Folio: save failed', result.error.detail);
    return result;
  }
  return { ok: true, id: result.value.record.id, created: result.value.created };
}

export function openSavedArticle(id: string): Promise<unknown> {
  return browser.tabs.create({ url: `${browser.runtime.getURL('/article.html')}?id=${encodeURIComponent(id)}` });
}

export function registerLibraryMessages(): void {
  onMessage('saveArticle', ({ data }) => saveToLibrary(data.article, data.pageUrl));
  onMessage('getSavedState', async ({ data }) => {
    const found = await findSaved(libraryDb(), data.pageUrl, data.canonicalUrl);
    const record = found.ok ? found.value : null;
    return { saved: record !== null, id: record?.id ?? null };
  });
  onMessage('openSavedArticle', ({ data }) => void openSavedArticle(data.id));
}
