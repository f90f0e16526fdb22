import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ContinueStatus } from '@/components/ContinueReading';
import type { Article, ExtractResult } from '@/lib/extract/types';
import { withoutHash } from '@/lib/extract/url';
import { loadReaderPart } from '@/lib/content/reader-parts';

/** A story is shown up to this many pages in all (issue 3); past it, a link to the next page on the site. */
export const MAX_PAGES = 10;

interface Shown {
  article: Article;
  pages: number;
  nextUrl: string | null;
  /** Every address shown so far (without fragments): a next page among them is a loop. */
  seen: readonly string[];
}

function initialShown(result: ExtractResult): Shown | null {
  if (!result.ok) return null;
  const seen = [location.href, result.article.url].filter((url): url is string => Boolean(url)).map(withoutHash);
  return { article: result.article, pages: 1, nextUrl: result.nextPageUrl ?? null, seen };
}

function statusOf(shown: Shown, loading: boolean, failure: string | null, justAdded: number | null): ContinueStatus | null {
  const host = location.host;
  const nextPage = shown.pages + 1;
  if (!shown.nextUrl) return shown.pages > 1 ? { kind: 'ended', pages: shown.pages, why: 'last-page', nextUrl: null } : null;
  if (shown.seen.includes(withoutHash(shown.nextUrl))) return { kind: 'ended', pages: shown.pages, why: 'loop', nextUrl: null };
  if (shown.pages >= MAX_PAGES) return { kind: 'ended', pages: shown.pages, why: 'limit', nextUrl: shown.nextUrl };
  if (loading) return { kind: 'loading', nextPage, host };
  if (failure) return { kind: 'failed', nextPage, host, detail: failure };
  return { kind: 'offer', nextPage, host, ...(justAdded ? { justAdded } : {}) };
}

/**
 * The overlay's multi-page story: the extraction result with the pages loaded so far appended, and
 * the "Continue" control's state. Nothing is fetched until the reader asks (onContinue); one page per
 * request, same origin only (lib/multipage/load-next-page.ts), up to MAX_PAGES, stopping at the last
 * page or a loop. A request still running when the overlay closes is cancelled.
 */
export function useMultiPage(result: ExtractResult) {
  const [shown, setShown] = useState<Shown | null>(() => initialShown(result));
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [justAdded, setJustAdded] = useState<number | null>(null);
  const running = useRef<AbortController | null>(null);

  // The overlay mounts a new OverlayApp for each extraction, so `result` is this hook's for its life.
  useEffect(() => () => running.current?.abort(), []);

  const loadNext = useCallback(async () => {
    if (!shown?.nextUrl || running.current) return;
    const pageNumber = shown.pages + 1;
    const controller = new AbortController();
    running.current = controller;
    setLoading(true);
    setFailure(null);
    try {
      // The pipeline is its own script (reader-extract.js), loaded on the first Continue if not yet there.
      const pipeline = await loadReaderPart('extract');
      const loaded = await pipeline.loadNextPage(shown.nextUrl, { origin: location.origin, pageNumber, win: window, signal: controller.signal });
      if (controller.signal.aborted) return;
      if (!loaded.ok) {
        setFailure(loaded.detail);
        return;
      }
      setShown({
        article: pipeline.appendPage(shown.article, loaded.article, pageNumber, window),
        pages: pageNumber,
        nextUrl: loaded.nextPageUrl,
        seen: [...shown.seen, withoutHash(shown.nextUrl), withoutHash(loaded.url)],
      });
      setJustAdded(pageNumber);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      if (running.current === controller) running.current = null;
      setLoading(false);
    }
  }, [shown]);

  const shownArticle = shown?.article;
  const shownResult = useMemo<ExtractResult>(() => (result.ok && shownArticle ? { ...result, article: shownArticle } : result), [result, shownArticle]);
  const status = shown ? statusOf(shown, loading, failure, justAdded) : null;
  return { result: shownResult, pages: shown?.pages ?? 1, status, loadNext: () => void loadNext() };
}
