import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { findInArticle, rangeOfMatch } from '@/lib/reading/find-in-article';
import { stepMatch, type TextMatch } from '@/lib/reading/find-in-text';
import { createFindPainter } from '@/lib/reading/paint-find';
import { buildTextIndex } from '@/lib/reading/text-index';

export interface FindState {
  open: boolean;
  query: string;
  matches: TextMatch[];
  current: number;
  /** Bumped by every request to open (Ctrl+F again), so the field takes focus again. */
  focusRequest: number;
  show(): void;
  close(): void;
  setQuery(query: string): void;
  next(): void;
  previous(): void;
}

/** Space kept above a match scrolled to (the sticky toolbar and the find bar). */
const TOP_CLEARANCE = 128;

/** The first match at or below the reading line, so a search starts where the reader is. */
function firstVisible(body: HTMLElement, scroller: HTMLElement | null, matches: readonly TextMatch[]): number {
  if (!scroller || matches.length === 0) return 0;
  const line = scroller.getBoundingClientRect().top + TOP_CLEARANCE;
  const index = buildTextIndex(body);
  const at = matches.findIndex((match) => (rangeOfMatch(index, match)?.getBoundingClientRect().top ?? -Infinity) >= line);
  return at === -1 ? 0 : at;
}

/** Find in article: matches for the query, the current one painted apart and kept in view. */
export function useFindInArticle(body: HTMLElement | null, scroller: HTMLElement | null): FindState {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState<{ query: string; matches: TextMatch[]; current: number }>({ query: '', matches: [], current: 0 });
  const [focusRequest, setFocusRequest] = useState(0);
  const painter = useMemo(() => (body ? createFindPainter(body) : null), [body]);
  const { query, matches, current } = search;

  // Searched when the query changes (an event, not an effect): a new query starts where the reader is.
  const searchFor = useCallback(
    (wanted: string) => {
      const found = body && wanted.trim() ? findInArticle(body, wanted) : [];
      setSearch({ query: wanted, matches: found, current: body ? firstVisible(body, scroller, found) : 0 });
    },
    [body, scroller],
  );

  // Paint, and bring the current match into view; repaint when something else (a highlight, the word
  // being read aloud) splits the article's text nodes under the painted ranges.
  const lastScrolled = useRef<string>('');
  useEffect(() => {
    if (!body || !painter) return;
    if (!open || matches.length === 0) {
      painter.clear();
      return;
    }
    const rect = painter.paint(matches, current);
    const key = `${query}|${current}|${matches.length}`;
    if (rect && scroller && key !== lastScrolled.current) {
      lastScrolled.current = key;
      const box = scroller.getBoundingClientRect();
      if (rect.top < box.top + TOP_CLEARANCE || rect.bottom > box.bottom - 48) {
        scroller.scrollTo({ top: scroller.scrollTop + rect.top - box.top - box.height / 3 });
      }
    }
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        painter.paint(matches, current);
        // The fallback painter's own marks are mutations too: not a reason to paint again.
        observer.takeRecords();
      });
    });
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [body, painter, scroller, open, matches, current, query]);

  useEffect(() => () => painter?.clear(), [painter]);

  const step = (direction: 1 | -1) => setSearch((now) => ({ ...now, current: stepMatch(now.current, now.matches.length, direction) }));
  return {
    open,
    query,
    matches: open ? matches : [],
    current,
    focusRequest,
    show: () => {
      if (!open) searchFor(query);
      lastScrolled.current = '';
      setOpen(true);
      setFocusRequest((count) => count + 1);
    },
    close: () => setOpen(false),
    setQuery: searchFor,
    next: () => step(1),
    previous: () => step(-1),
  };
}
