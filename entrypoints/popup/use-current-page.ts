import { useCallback, useEffect, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import type { PageSummary } from '@/entrypoints/page-summary.content';
import type { SaveArticleResult } from '@/lib/library/messages';
import { isRestrictedUrl } from '@/lib/reader/restricted-url';
import { libraryDb } from '@/lib/storage/db';
import { findSaved } from '@/lib/storage/library-repo';

export type PopupSaveState = 'unknown' | 'idle' | 'saving' | 'saved' | 'error';

export interface CurrentPage {
  tab: Browser.tabs.Tab | null;
  summary: PageSummary | null;
  /** Folio cannot run on this tab (browser pages, stores). */
  restricted: boolean;
  saveState: PopupSaveState;
  saveError: string | null;
  savedId: string | null;
  save: () => Promise<void>;
}

/** The active tab as the popup shows it: its summary (extracted on the spot) and whether it is saved. */
export function useCurrentPage(): CurrentPage {
  const [tab, setTab] = useState<Browser.tabs.Tab | null>(null);
  const [summary, setSummary] = useState<PageSummary | null>(null);
  const [saveState, setSaveState] = useState<PopupSaveState>('unknown');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const restricted = !tab || isRestrictedUrl(tab.url);

  const refreshSaved = useCallback(async (url: string | undefined, canonical: string | null) => {
    if (!url) return;
    const found = await findSaved(libraryDb(), url, canonical);
    setSavedId(found.ok && found.value ? found.value.id : null);
    setSaveState(found.ok && found.value ? 'saved' : 'idle');
  }, []);

  useEffect(() => {
    void (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      setTab(active ?? null);
      if (!active?.id || isRestrictedUrl(active.url)) return;
      await refreshSaved(active.url, null);
      try {
        const [first] = await browser.scripting.executeScript({ target: { tabId: active.id }, files: ['/content-scripts/page-summary.js'] });
        const result = first?.result as PageSummary | undefined;
        if (result) {
          setSummary(result);
          await refreshSaved(active.url, result.canonicalUrl);
        }
      } catch {
        // The page refused the script: the tab's own title is all there is.
      }
    })();
  }, [refreshSaved]);

  const save = useCallback(async () => {
    if (!tab?.id) return;
    setSaveState('saving');
    setSaveError(null);
    try {
      const [first] = await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/save-page.js'] });
      const outcome = first?.result as SaveArticleResult | null | undefined;
      if (outcome?.ok) {
        setSavedId(outcome.id);
        setSaveState('saved');
      } else {
        setSaveState('error');
        setSaveError(outcome && !outcome.ok ? outcome.error.message : 'Folio found no article to save on this page.');
      }
    } catch (error) {
      setSaveState('error');
      setSaveError(`Folio could not read this page: ${String(error)}`);
    }
  }, [tab]);

  return { tab, summary, restricted, saveState, saveError, savedId, save };
}
