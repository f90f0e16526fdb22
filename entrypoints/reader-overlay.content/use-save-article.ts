import { useCallback, useEffect, useState } from 'react';
import type { SaveState } from '@/components/ReaderToolbar';
import type { Article, ExtractResult } from '@/lib/extract/types';
import { sendMessage } from '@/lib/messaging';

/**
 * The overlay's Save button: asks the background whether the page is saved ("Saved ✓" at once when it
 * is), saves through it, and keeps the failure message to show instead of losing the save silently.
 * `pages`: how many pages of a multi-page story are shown; once more are shown than were saved, Save
 * is offered again (saving again replaces the saved copy with the longer one).
 */
export function useSaveArticle(result: ExtractResult, pages = 1) {
  const [state, setState] = useState<SaveState>('idle');
  const [savedPages, setSavedPages] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const canonicalUrl = result.ok ? result.article.url : (result.bestEffort?.url ?? null);

  useEffect(() => {
    let active = true;
    sendMessage('getSavedState', { pageUrl: location.href, canonicalUrl })
      .then((saved) => active && saved.saved && setState('saved'))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [canonicalUrl]);

  const save = useCallback(async (article: Article) => {
    setState('saving');
    setError(null);
    setSavedPages(pages);
    try {
      const saved = await sendMessage('saveArticle', { article, pageUrl: location.href });
      setState(saved.ok ? 'saved' : 'error');
      if (!saved.ok) setError(saved.error.message);
    } catch (caught) {
      // No answer: the background worker may have been stopped mid-save, and its next start finishes
      // the save from the pending-save journal. Ask again (the button was enabled, so it was not saved).
      const after = await sendMessage('getSavedState', { pageUrl: location.href, canonicalUrl: article.url }).catch(() => null);
      if (after?.saved) return setState('saved');
      setState('error');
      setError(`Folio could not save: ${String(caught)}`);
    }
  }, [pages]);

  return { saveState: state === 'saved' && pages > savedPages ? 'idle' : state, saveError: error, save };
}
