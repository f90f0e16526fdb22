import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { debounce } from '@/lib/reading/debounce';
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
  /** Opens the bar (or focuses it again), remembering where focus was. */
  show(): void;
  /** Closes the bar and gives focus back to where it was. */
  close(): void;
  setQuery(query: string): void;
  next(): void;
  previous(): void;
}

/** Space kept above a match scrolled to (the sticky toolbar and the find bar). */
const TOP_CLEARANCE = 128;

/** How long typing pauses before the article is searched (see lib/reading/debounce.ts). */
const FIND_DELAY_MS = 150;

/**
 * The first match at or below the reading line, so a search starts where the reader is. Matches are in
 * reading order, so their tops only grow: a binary search measures about log2(n) of them, not all
 * (a one-letter query in a long article has a thousand, each a layout read).
 */
function firstVisible(body: HTMLElement, scroller: HTMLElement | null, matches: readonly TextMatch[]): number {
  if (!scroller || matches.length === 0) return 0;
  const line = scroller.getBoundingClientRect().top + TOP_CLEARANCE;
  const index = buildTextIndex(body);
  const below = (i: number) => (rangeOfMatch(index, matches[i]!)?.getBoundingClientRect().top ?? -Infinity) >= line;
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (below(middle)) high = middle;
    else low = middle + 1;
  }
  return low === matches.length ? 0 : low;
}

/** The element with focus, looking inside the shadow root the reader may be in. */
function focusedElement(scroller: HTMLElement | null): HTMLElement | null {
  const root = scroller?.getRootNode() as Document | ShadowRoot | undefined;
  const active = root?.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * Find in article: matches for the query, the current one painted apart and kept in view. Ctrl/Cmd+F
 * opens Folio's find bar instead of the browser's (which cannot see into the overlay's shadow root).
 */
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
  // Typing shows at once; the search waits for a pause in it.
  const typing = useMemo(() => debounce(searchFor, FIND_DELAY_MS), [searchFor]);
  useEffect(() => () => typing.cancel(), [typing]);
  const setQuery = (wanted: string) => {
    setSearch((now) => ({ ...now, query: wanted }));
    if (wanted.trim()) typing.call(wanted);
    else {
      typing.cancel();
      searchFor(wanted);
    }
  };

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

  const returnFocus = useRef<HTMLElement | null>(null);
  const show = () => {
    if (!open) {
      returnFocus.current = focusedElement(scroller);
      searchFor(query);
    }
    lastScrolled.current = '';
    setOpen(true);
    setFocusRequest((count) => count + 1);
  };
  const close = () => {
    setOpen(false);
    const target = returnFocus.current?.isConnected ? returnFocus.current : scroller;
    returnFocus.current = null;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  };

  // Listened for on the window (capture), so the shortcut works wherever focus is; a layout effect, so
  // the page has its own Ctrl+F back the moment the reader closes (see ReadingTools' read-aloud keys).
  const showRef = useRef(show);
  useEffect(() => {
    showRef.current = show;
  });
  useLayoutEffect(() => {
    const view = scroller?.ownerDocument.defaultView;
    if (!view) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'f') return;
      event.preventDefault();
      event.stopPropagation();
      showRef.current();
    };
    view.addEventListener('keydown', onKey, true);
    return () => view.removeEventListener('keydown', onKey, true);
  }, [scroller]);

  const step = (direction: 1 | -1) => {
    // Enter right after typing: search first, so it moves through the new query's matches.
    typing.flush();
    setSearch((now) => ({ ...now, current: stepMatch(now.current, now.matches.length, direction) }));
  };
  return {
    open,
    query,
    matches: open ? matches : [],
    current,
    focusRequest,
    show,
    close,
    setQuery,
    next: () => step(1),
    previous: () => step(-1),
  };
}
