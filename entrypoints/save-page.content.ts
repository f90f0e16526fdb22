// First: pins the real extension API before anything reads `chrome` / `browser` (pages can clobber them).
import '@/lib/content/extension-api-guard';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '@/lib/extract';
import { sendMessage } from '@/lib/messaging';
import type { SaveArticleResult } from '@/lib/library/messages';

/**
 * Saves the page without opening the reader (page context menu, save shortcut): extract, hand the
 * article to the background, say what happened in a small notice that leaves by itself.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  /** Resolves with the save's outcome (the popup reads it), or null when there was nothing to save. */
  async main(): Promise<SaveArticleResult | null> {
    const notice = showNotice('Saving to Folio…');
    const result = extractArticle(document, { url: location.href });
    const article = result.ok ? result.article : result.bestEffort;
    if (!article) {
      notice.update(`Folio found no article to save here (${result.ok ? '' : result.detail}).`, true);
      return null;
    }
    try {
      const saved = await sendMessage('saveArticle', { article, pageUrl: location.href });
      if (saved.ok) notice.update(saved.created ? 'Saved to Folio ✓' : 'Already in Folio: updated ✓', false);
      else notice.update(saved.error.message, true);
      return saved;
    } catch (error) {
      notice.update(`Folio could not save this page: ${String(error)}`, true);
      return null;
    }
  },
});

function showNotice(text: string) {
  const host = document.createElement('folio-save-notice');
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.style.cssText =
    'position:fixed;z-index:2147483647;right:16px;bottom:16px;padding:10px 14px;border-radius:8px;font:14px/1.4 system-ui,sans-serif;' +
    'background:#1f2a1f;color:#fff;box-shadow:0 4px 16px rgba(0,0,0,.25);max-width:360px';
  box.textContent = text;
  shadow.append(box);
  document.documentElement.append(host);
  return {
    update(message: string, isError: boolean) {
      box.textContent = message;
      box.setAttribute('role', isError ? 'alert' : 'status');
      box.style.background = isError ? '#7a1f1f' : '#1f2a1f';
      setTimeout(() => host.remove(), isError ? 8000 : 3000);
    },
  };
}
