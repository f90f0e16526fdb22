import { useCallback, useEffect, useRef, useState } from 'react';
import { downloadArticle } from '@/lib/library/download-article';
import { hasAllSitesAccess, requestAllSitesAccess, watchAllSitesAccess } from '@/lib/permissions/all-sites-access';
import { libraryDb } from '@/lib/storage/db';
import { getArticle, storeDownloadedContent, type SavedArticle } from '@/lib/storage/library-repo';

/**
 * Where the download of an article without its text (a synced entry from another device, a saved
 * link, an import) stands. The fetch needs Folio's optional access to all sites; browsers grant it
 * only during a click, so without it the page waits for one.
 */
export type DownloadStep =
  | { kind: 'checking' }
  | { kind: 'needs-access' }
  | { kind: 'asking' }
  | { kind: 'fetching' }
  | { kind: 'reading' }
  | { kind: 'saving' }
  | { kind: 'refused' }
  | { kind: 'failed'; message: string };

/** Resolves after the browser has painted the current state (extraction then holds the thread). */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * First open of an article whose text Folio does not have: downloads it at once when Folio already has
 * access to sites, otherwise waits for the click that asks for it (`start`). Also goes on by itself
 * when the access is granted elsewhere (settings page, the browser's own menu) while the page waits.
 */
export function useArticleDownload(saved: SavedArticle, onReady: (saved: SavedArticle) => void): { step: DownloadStep; start: () => Promise<void> } {
  const { id, url, contentState, contentError } = saved.record;
  // A download that failed before says why and waits for "Try again"; a first open downloads if it may.
  const [step, setStep] = useState<DownloadStep>(() =>
    contentState === 'failed' ? { kind: 'failed', message: contentError ?? 'The last download did not succeed.' } : { kind: 'checking' },
  );
  const running = useRef(false);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      const outcome = await downloadArticle(url, {
        onStage: (stage) => {
          setStep({ kind: stage });
          return nextPaint();
        },
      });
      setStep({ kind: 'saving' });
      const stored = await storeDownloadedContent(libraryDb(), id, outcome);
      const reloaded = await getArticle(libraryDb(), id);
      if (!outcome.ok || !stored.ok || !reloaded.ok) {
        const message = !outcome.ok ? outcome.detail : !stored.ok ? stored.error.message : 'The article is no longer in the library.';
        setStep({ kind: 'failed', message });
        return;
      }
      onReady(reloaded.value);
    } finally {
      running.current = false;
    }
  }, [id, url, onReady]);

  useEffect(() => {
    if (contentState === 'failed') return;
    let active = true;
    void hasAllSitesAccess().then((granted) => {
      if (!active) return;
      if (granted) void run();
      else setStep({ kind: 'needs-access' });
    });
    return () => {
      active = false;
    };
    // Once per article: later changes to its record (sync, this download) must not start another.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const waitingForAccess = step.kind === 'needs-access' || step.kind === 'refused';
  useEffect(() => {
    if (!waitingForAccess) return;
    return watchAllSitesAccess((granted) => {
      if (granted) void run();
    });
  }, [waitingForAccess, run]);

  const start = useCallback(async () => {
    setStep({ kind: 'asking' });
    // First thing in the click: browsers grant only during a user action (resolves at once when granted).
    if (!(await requestAllSitesAccess())) {
      setStep({ kind: 'refused' });
      return;
    }
    await run();
  }, [run]);

  return { step, start };
}
