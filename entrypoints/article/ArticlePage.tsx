import { useCallback, useEffect, useMemo, useState } from 'react';
import { ReaderView } from '@/components/ReaderView';
import { ReadingTools } from '@/components/reading/ReadingTools';
import { createLibraryHighlightAdapter } from '@/lib/reading/library-highlights';
import { deleteHighlight, listHighlights, putHighlight } from '@/lib/storage/library-repo-highlights';
import { setListenPosition } from '@/lib/storage/library-repo-listen';
import type { ExtractResult } from '@/lib/extract/types';
import { recordToArticle } from '@/lib/library/article-record';
import { libraryDb } from '@/lib/storage/db';
import { getArticle, setArchived, setFavourite, type SavedArticle } from '@/lib/storage/library-repo';
import type { ReadingProgress } from '@/lib/storage/schema';
import { siteKey } from '@/lib/prefs/site-rules';
import * as prefsStorage from '@/lib/storage/prefs';
import { loadCustomCss, watchCustomCss } from '@/lib/storage/prefs';
import { SiteRulesControl } from '@/components/settings/SiteRulesControl';
import { useLiveValue } from '@/components/settings/use-live-value';
import { useSiteReaderPrefs } from '@/components/settings/use-site-reader-prefs';
import '@/components/settings/site-rules.css';
import { browser } from 'wxt/browser';
import { PendingArticle } from './PendingArticle';
import { useReadingProgress } from './use-reading-progress';
import { OfflineImages } from './use-offline-images';

type PageState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'pending'; saved: SavedArticle }
  | { kind: 'ready'; saved: SavedArticle; result: ExtractResult };

function readyState(saved: SavedArticle): PageState {
  if (!saved.content) return { kind: 'pending', saved };
  return { kind: 'ready', saved, result: { ok: true, article: recordToArticle(saved.record, saved.content) } };
}

/** The offline reader: a saved article with the overlay's typography and controls, resuming where it was left. */
export function ArticlePage({ id }: { id: string }) {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  // The article's site's rules apply here too (its own text size), as in the overlay on that site.
  const host = state.kind === 'ready' || state.kind === 'pending' ? siteKey(state.saved.record.url) : null;
  const site = useSiteReaderPrefs(host, prefsStorage);
  const [percent, setPercent] = useState<number | null>(null);
  const [customCss] = useLiveValue('', loadCustomCss, watchCustomCss);
  // Highlights and notes live with the saved article in the library's highlights store.
  const highlights = useMemo(
    () => createLibraryHighlightAdapter(id, { list: (articleId) => listHighlights(libraryDb(), articleId), put: (record) => putHighlight(libraryDb(), record), remove: (highlightId) => deleteHighlight(libraryDb(), highlightId) }),
    [id],
  );

  useEffect(() => {
    void getArticle(libraryDb(), id).then((result) => {
      if (!result.ok) {
        setState({ kind: 'error', message: result.error.message });
        return;
      }
      document.title = `${result.value.record.title} · Folio`;
      setState(readyState(result.value));
    });
  }, [id]);

  const onDownloaded = useCallback((saved: SavedArticle) => setState(readyState(saved)), []);

  const onProgress = useCallback((value: number, finished: boolean) => setPercent(finished ? 100 : value), []);
  // Resume once, from the progress stored when the article was opened (not on every later reload).
  const [resumeFrom, setResumeFrom] = useState<ReadingProgress | null>(null);
  if (state.kind === 'ready' && resumeFrom === null) setResumeFrom(state.saved.record.progress);
  useReadingProgress(id, resumeFrom, onProgress);
  const onListenPosition = useCallback((paragraph: number) => void setListenPosition(libraryDb(), id, paragraph), [id]);

  if (state.kind === 'loading') return <p className="folio-article-status">Opening…</p>;
  if (state.kind === 'error') {
    return (
      <div className="folio-article-status" role="alert">
        <p>{state.message}</p>
        <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}>
          Open the library
        </button>
      </div>
    );
  }
  if (state.kind === 'pending') return <PendingArticle saved={state.saved} onReady={onDownloaded} />;

  const { record } = state.saved;
  const toggle = async (change: 'archived' | 'favourite') => {
    const next = change === 'archived' ? !record.archived : !record.favourite;
    await (change === 'archived' ? setArchived : setFavourite)(libraryDb(), [id], next);
    const reloaded = await getArticle(libraryDb(), id);
    if (reloaded.ok) setState((current) => (current.kind === 'ready' ? { ...current, saved: reloaded.value } : current));
  };
  const shownPercent = percent ?? record.progress.percent;
  return (
    <ReaderView
      result={state.result}
      prefs={site.prefs}
      customCss={customCss}
      onPrefsChange={site.changePrefs}
      onClose={() => window.close()}
      saveState="saved"
      onSave={() => undefined}
      onOpenLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}
      renderArticleTools={(context) => (
        <>
          {/* Read-aloud resumes from the paragraph stored when the article was opened. */}
          <ReadingTools {...context} highlights={highlights} listenFrom={resumeFrom?.listenParagraph} onListenPosition={onListenPosition} />
          <OfflineImages body={context.body} articleId={id} />
        </>
      )}
      toolbarExtras={
        <>
          <span className="folio-progress-label" aria-label="Reading progress">
            {record.read || shownPercent === 100 ? 'Read ✓' : `${Math.round(shownPercent)}%`}
          </span>
          <button type="button" className="folio-button" aria-pressed={record.favourite === 1} onClick={() => void toggle('favourite')}>
            {record.favourite ? '★ Favourite' : '☆ Favourite'}
          </button>
          <button type="button" className="folio-button" aria-pressed={record.archived === 1} onClick={() => void toggle('archived')}>
            {record.archived ? 'Unarchive' : 'Archive'}
          </button>
          {host && <SiteRulesControl host={host} rule={site.rule} fontSize={site.prefs.fontSize} onChange={site.changeRule} message={site.ruleMessage} />}
        </>
      }
    />
  );
}
