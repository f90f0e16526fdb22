import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { boundedMark, boundedMeasure } from '@/lib/bounded-timing';
import { readFirstScreen, writeFirstScreen } from '@/lib/storage/first-screen';
import type { HighlightMatch } from '@/lib/library/search/highlight-search';
import type { LibrarySearcher } from '@/lib/library/search/search-client';
import { searchResultIds } from '@/lib/library/search/search-results';
import { libraryDb } from '@/lib/storage/db';
import { checkChangedArticles, findUnreadableArticles, type ChangedArticlesCheck } from '@/lib/storage/library-repo-check';
import { getArticleRecords, listArticleIds, listArticles, type LibraryQuery } from '@/lib/storage/library-repo-query';
import type { ArticleRecord } from '@/lib/storage/schema';
import { createLibrarySearcher } from './library-searcher';

const FIRST_PAGE = 60;
const MAX_SEARCH_RESULTS = 500;

export interface LibraryView {
  /** Every id the view shows, in order (null while the chosen view's first rows load). */
  ids: string[] | null;
  records: ReadonlyMap<string, ArticleRecord>;
  /** While searching: the highlights and notes that matched, by article. */
  highlightMatches: ReadonlyMap<string, HighlightMatch[]>;
  /** Loads the records of rows about to be shown. */
  ensureRange: (start: number, end: number) => void;
  error: string | null;
  reload: () => void;
  search: LibrarySearcher;
  /** True once the first rows (or the first results) are shown: later work waits for it. */
  firstPageShown: boolean;
  /** Saved items that cannot be read (corrupted): left out of the list, and counted for the user. */
  unreadableCount: number;
  /** The rows come from the remembered first screen and IndexedDB has not confirmed them yet. */
  provisional: boolean;
  /** While the search index is being built or caught up: how far it has come (else null). */
  indexing: { indexed: number; total: number } | null;
}

/** The unreadable set after a check of changed rows: each checked row is out, unless it is unreadable. */
function withCheckedRows(unreadable: ReadonlySet<string>, { checked, unreadable: found }: ChangedArticlesCheck): ReadonlySet<string> {
  if (checked.length === 0) return unreadable;
  const next = new Set(unreadable);
  for (const id of checked) next.delete(id);
  for (const item of found) next.add(item.id);
  return next;
}

/** The view a list of rows is read for: a search (of the whole library, whatever the query) or the query's list. */
const viewKey = (queryKey: string, searchText: string) => (searchText.trim() ? `search:${searchText.trim()}` : `list:${queryKey}`);
const isSearch = (key: string) => key.startsWith('search:');

/**
 * The list behind the library page. Without a search: the first page straight from its index (fast at
 * 10,000 articles), then every id of the view (keys only) for the virtual list, rows loaded as they
 * scroll in. With a search: the best matches in the whole library.
 */
export function useLibraryView(query: LibraryQuery, searchText: string): LibraryView {
  const search = useMemo(() => createLibrarySearcher(), []);
  const queryKey = JSON.stringify(query);
  // The page opens on the rows it showed last time (lib/storage/first-screen.ts), before IndexedDB answers.
  const [openingView] = useState(queryKey);
  const [remembered] = useState(() => (searchText.trim() ? null : readFirstScreen(queryKey)));
  const [ids, setIds] = useState<string[] | null>(() => remembered?.map((record) => record.id) ?? null);
  // Which view `ids` were read for: until the chosen view's own rows come, another view's are not shown
  // as its rows (the count would name the chosen view, and Select all would pick the other's rows).
  const [idsView, setIdsView] = useState(() => viewKey(queryKey, searchText));
  const [records, setRecords] = useState<Map<string, ArticleRecord>>(() => new Map(remembered?.map((record) => [record.id, record])));
  const [provisional, setProvisional] = useState(remembered !== null);
  const [highlightMatches, setHighlightMatches] = useState<Map<string, HighlightMatch[]>>(new Map());
  const [firstPageShown, setFirstPageShown] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [unreadable, setUnreadable] = useState<ReadonlySet<string>>(new Set());
  // Ids whose records are being read for the current rows; a new set each time the rows are read afresh.
  const loading = useRef(new Set<string>());
  const chosenView = viewKey(queryKey, searchText);
  // While searching, the previous search's results stay until the next keystroke's come (instant search
  // would flicker otherwise); any other change of view shows nothing until its own rows are read.
  const viewIds = idsView === chosenView || (isSearch(idsView) && isSearch(chosenView)) ? ids : null;
  const shownIds = useMemo(() => (viewIds && unreadable.size > 0 ? viewIds.filter((id) => !unreadable.has(id)) : viewIds), [viewIds, unreadable]);
  const [indexing, setIndexing] = useState<{ indexed: number; total: number } | null>(null);
  const searching = useRef(false);
  useEffect(() => {
    searching.current = Boolean(searchText.trim());
  }, [searchText]);

  useEffect(
    () =>
      search.onProgress(({ indexed, total, done }) => {
        setIndexing(done ? null : { indexed, total });
        if (!done) return;
        // Read by the benchmark: the index is complete from here on.
        boundedMark('folio:search-index-ready');
        // Results given while indexing were found by reading the rest: ask the complete index again.
        if (searching.current) setVersion((v) => v + 1);
      }),
    [search],
  );

  useEffect(() => {
    let current = true;
    const started = performance.now();
    const view = JSON.parse(queryKey) as LibraryQuery;
    const key = viewKey(queryKey, searchText);
    // Rows read afresh: records still being read for the rows before may be older than these, and are dropped.
    const readAfresh = (records: Map<string, ArticleRecord>) => {
      loading.current = new Set();
      setRecords(records);
    };
    void (async () => {
      if (searchText.trim()) {
        const hits = await search.searchLibrary(searchText, MAX_SEARCH_RESULTS);
        if (!current) return;
        if (!hits.ok) return setError(hits.error.message);
        // A search covers the whole library (archive included), best match first; rows load as they show.
        const found = searchResultIds(hits.value.articles, hits.value.highlights);
        readAfresh(new Map());
        setHighlightMatches(found.matches);
        setIds(found.ids);
        setIdsView(key);
        setProvisional(false);
        // Read by the benchmark (scripts/bench-library.ts).
        boundedMeasure('folio:library-search', { start: started });
        return;
      }
      const first = await listArticles(libraryDb(), { ...view, offset: 0, limit: FIRST_PAGE, withTotal: false });
      if (!current) return;
      if (!first.ok) return setError(first.error.message);
      readAfresh(new Map(first.value.items.map((record) => [record.id, record])));
      setHighlightMatches(new Map());
      setIds(first.value.items.map((record) => record.id));
      setIdsView(key);
      setProvisional(false);
      setFirstPageShown(true);
      // Read by the benchmark: the first page's IndexedDB query alone (from the effect to its answer).
      boundedMeasure('folio:library-first-page', { start: started });
      // Only the view the page opens on is worth remembering (one entry, not one per filter).
      if (queryKey === openingView) writeFirstScreen(queryKey, first.value.items);
      if (first.value.items.length === FIRST_PAGE) {
        const all = await listArticleIds(libraryDb(), view);
        if (current && all.ok) setIds(all.value);
      }
    })();
    return () => {
      current = false;
    };
  }, [queryKey, openingView, searchText, search, version]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      if (!shownIds) return;
      const missing = shownIds.slice(start, end).filter((id) => !records.has(id) && !loading.current.has(id));
      if (missing.length === 0) return;
      const pending = loading.current;
      for (const id of missing) pending.add(id);
      void getArticleRecords(libraryDb(), missing).then((found) => {
        for (const id of missing) pending.delete(id);
        // The rows were read afresh meanwhile (another view, or a change): this answer may be older than them.
        if (pending !== loading.current) return;
        if (!found.ok) return setError(found.error.message);
        setRecords((old) => {
          const next = new Map(old);
          for (const record of found.value) next.set(record.id, record);
          return next;
        });
      });
    },
    [shownIds, records],
  );

  // Corrupted records (keys and rows, never bodies) are left out of the list: every row is checked once
  // the first rows show, then on each reload (an action, an import, a sync or a save elsewhere) only the
  // rows changed since the last check (lib/storage/library-repo-check.ts says why that is enough).
  // Checks run one after another, so a full scan and a later partial one never cross.
  const unreadableCheck = useRef<{ queue: Promise<void>; checkedAt: number | null }>({ queue: Promise.resolve(), checkedAt: null });
  useEffect(() => {
    if (!firstPageShown) return;
    const check = unreadableCheck.current;
    check.queue = check.queue.then(async () => {
      const startedAt = Date.now();
      if (check.checkedAt === null) {
        const found = await findUnreadableArticles(libraryDb());
        if (!found.ok) return;
        setUnreadable(new Set(found.value.map((item) => item.id)));
      } else {
        const changed = await checkChangedArticles(libraryDb(), check.checkedAt);
        if (!changed.ok) return;
        setUnreadable((old) => withCheckedRows(old, changed.value));
      }
      check.checkedAt = startedAt;
    });
  }, [firstPageShown, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ids: shownIds, records, highlightMatches, ensureRange, error, reload, search, firstPageShown, unreadableCount: unreadable.size, provisional, indexing };
}
