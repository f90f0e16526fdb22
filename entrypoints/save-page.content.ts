// First: pins the real extension API before anything reads `chrome` / `browser` (pages can clobber them).
import '@/lib/content/extension-api-guard';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '@/lib/extract';
import { planReading, serializeDocument } from '@/lib/extract-service/off-page';
import { readOffPage } from '@/lib/extract-service/read-off-page';
import { sendMessage } from '@/lib/messaging';
import type { SaveArticleResult } from '@/lib/library/messages';
import { showSaveNotice } from '@/lib/library/save-notice';

/**
 * Saves the page without opening the reader (page context menu, save shortcut): extract, hand the
 * article to the background, say what happened in a small notice that leaves by itself.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  /** Resolves with the save's outcome (the popup reads it), or null when there was nothing to save. */
  async main(): Promise<SaveArticleResult | null> {
    showSaveNotice('Saving to Folio…', 'working');
    // A very big page is read away from its thread, as the reader does (lib/extract-service/off-page.ts).
    const plan = planReading(document);
    const result = plan.where === 'in-page' ? extractArticle(document, { url: location.href }) : plan.where === 'nowhere' ? plan.result : await readOffPage(serializeDocument(document), location.href);
    const article = result.ok ? result.article : result.bestEffort;
    if (!article) {
      showSaveNotice(`Folio found no article to save here (${result.ok ? '' : result.detail}).`, 'error');
      return null;
    }
    try {
      const saved = await sendMessage('saveArticle', { article, pageUrl: location.href });
      if (saved.ok) showSaveNotice(saved.created ? 'Saved to Folio ✓' : 'Already in Folio: updated ✓', 'done');
      else showSaveNotice(saved.error.message, 'error');
      return saved;
    } catch (error) {
      // No answer: the worker may have been stopped mid-save; its next start finishes it from the journal.
      const after = await sendMessage('getSavedState', { pageUrl: location.href, canonicalUrl: article.url }).catch(() => null);
      if (after?.saved) {
        showSaveNotice('Saved to Folio ✓', 'done');
        return { ok: true, id: after.id ?? location.href, created: true };
      }
      showSaveNotice(`Folio could not save this page: ${String(error)}`, 'error');
      return null;
    }
  },
});
