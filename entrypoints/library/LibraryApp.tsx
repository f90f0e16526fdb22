import Dexie from 'dexie';
import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ArticleRow } from '@/components/library/ArticleRow';
import { TagInput } from '@/components/library/TagInput';
import { libraryDb } from '@/lib/storage/db';
import { changeTags, setArchived, setFavourite } from '@/lib/storage/library-repo';
import { listTags, type LibraryQuery, type LibrarySort, type LibraryStatus } from '@/lib/storage/library-repo-query';
import { deleteArticles, purgeTrash, restoreArticles } from '@/lib/storage/library-repo-trash';
import type { StorageResult } from '@/lib/storage/storage-errors';
import { LibrarySyncStatus } from './LibrarySyncStatus';
import { OPENING_VIEW } from './opening-view';
import { useLibraryClosed } from './use-library-closed';
import { useLibraryView } from './use-library-view';
import { useUndoNotice } from './use-undo';

const READER_URL = browser.runtime.getURL('/article.html');
// Import/export code (parsers, zip, Markdown, the extractor for downloads) loads once the first rows show.
const ImportExportPanel = lazy(() => import('./ImportExportPanel').then((module) => ({ default: module.ImportExportPanel })));
const ROW_HEIGHT = 112;

const VIEWS: { label: string; status: LibraryStatus; favourite?: boolean }[] = [
  { label: 'My list', status: 'inbox' },
  { label: 'Unread', status: 'unread' },
  { label: 'Favourites', status: 'all', favourite: true },
  { label: 'Archive', status: 'archived' },
  { label: 'Everything', status: 'all' },
];

const SORTS: { label: string; sort: LibrarySort }[] = [
  { label: 'Newest first', sort: 'newest' },
  { label: 'Oldest first', sort: 'oldest' },
  { label: 'Title', sort: 'title' },
  { label: 'Longest', sort: 'longest' },
  { label: 'Shortest', sort: 'shortest' },
];

const plural = (n: number) => `${n} article${n === 1 ? '' : 's'}`;

/** The library page: views and tags, instant search, a virtualised list, bulk actions with undo. */
export function LibraryApp() {
  const [query, setQuery] = useState<LibraryQuery>(OPENING_VIEW);
  const [searchText, setSearchText] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([]);
  const view = useLibraryView(query, searchText);
  const closedNotice = useLibraryClosed();
  const { notice, show, dismiss } = useUndoNotice();
  const scroller = useRef<HTMLDivElement>(null);
  const ids = view.ids ?? [];

  const refreshTags = useCallback(() => void listTags(libraryDb()).then((result) => result.ok && setTags(result.value)), []);
  const { firstPageShown } = view;
  useEffect(() => {
    if (!firstPageShown) return;
    // After the first page: the tag counts, the trash purge and the search index must not compete with it.
    const later = setTimeout(() => {
      refreshTags();
      void purgeTrash(libraryDb());
      // Load the search index now (in its worker), so the first keystroke is answered at once.
      void view.search.ready();
    }, 300);
    // The search index snapshot is written when searching pauses, and when the page is hidden.
    const persist = () => document.visibilityState === 'hidden' && void view.search.persist();
    document.addEventListener('visibilitychange', persist);
    return () => {
      clearTimeout(later);
      document.removeEventListener('visibilitychange', persist);
    };
  }, [firstPageShown, refreshTags, view.search]);

  // initialRect: the first render already lays out the first screen's rows (without it the list renders
  // empty, measures its scroller in a layout effect, then renders again).
  // eslint-disable-next-line react-hooks/incompatible-library -- Folio does not use the React Compiler.
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensureRange } = view;
  useEffect(() => ensureRange(first, last + 1), [ensureRange, first, last]);

  // Marks read by the benchmark (scripts/bench-library.ts), counted from navigation: the first rows in
  // the document (from the remembered first screen or from IndexedDB), and the first rows IndexedDB confirmed.
  const rowsShown = items.some((item) => view.records.has(ids[item.index]!));
  const marked = useRef({ visible: false, confirmed: false });
  useEffect(() => {
    if (!rowsShown || searchText.trim()) return;
    const names: string[] = [];
    if (!marked.current.visible) names.push('folio:library-rows-visible');
    if (!view.provisional && !marked.current.confirmed) names.push('folio:library-rows-confirmed');
    if (names.length === 0) return;
    marked.current = { visible: true, confirmed: marked.current.confirmed || !view.provisional };
    const detail = { source: view.provisional ? 'first-screen' : 'indexeddb' };
    // Marked at the next frame: the rows are committed and about to be painted.
    requestAnimationFrame(() => names.forEach((name) => performance.mark(name, { detail })));
  }, [rowsShown, view.provisional, searchText]);

  const changed = () => {
    view.reload();
    refreshTags();
  };
  // Changes made elsewhere (sync from another device, the overlay's Save) arrive through Dexie's broadcast.
  const { reload } = view;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMutated = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        reload();
        refreshTags();
      }, 300);
    };
    Dexie.on('storagemutated', onMutated);
    return () => {
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [reload, refreshTags]);

  /** Runs an action on some articles, reports it, and offers to undo it. */
  const act = async (label: string, targets: string[], run: () => Promise<StorageResult<unknown>>, undo: (() => Promise<unknown>) | null) => {
    const result = await run();
    if (!result.ok) {
      show(result.error.message);
      return;
    }
    show(
      `${label} ${plural(targets.length)}.`,
      undo &&
        (async () => {
          await undo();
          changed();
          show(`Undone.`);
        }),
    );
    setSelected(new Set());
    changed();
  };

  const archive = (targets: string[], value: boolean) =>
    act(value ? 'Archived' : 'Moved back', targets, () => setArchived(libraryDb(), targets, value), () => setArchived(libraryDb(), targets, !value));
  const favourite = (targets: string[], value: boolean) =>
    act(value ? 'Favourited' : 'Unfavourited', targets, () => setFavourite(libraryDb(), targets, value), () => setFavourite(libraryDb(), targets, !value));
  const remove = (targets: string[]) => act('Deleted', targets, () => deleteArticles(libraryDb(), targets), () => restoreArticles(libraryDb(), targets));
  const addTag = (targets: string[], tag: string) => act(`Tagged “${tag}”:`, targets, () => changeTags(libraryDb(), targets, [tag], []), () => changeTags(libraryDb(), targets, [], [tag]));

  const selectedIds = [...selected];
  const activeView = VIEWS.find((v) => v.status === query.status && v.favourite === query.favourite && query.tag === undefined);

  return (
    <div className="folio-library">
      <nav className="folio-sidebar" aria-label="Library views">
        <h1>Folio</h1>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.label}>
              <button type="button" aria-current={activeView === v ? 'page' : undefined} onClick={() => setQuery({ status: v.status, favourite: v.favourite, sort: query.sort })}>
                {v.label}
              </button>
            </li>
          ))}
        </ul>
        {tags.length > 0 && (
          <>
            <h2>Tags</h2>
            <ul className="folio-tag-list">
              {tags.map(({ tag, count }) => (
                <li key={tag}>
                  <button type="button" aria-current={query.tag === tag ? 'page' : undefined} onClick={() => setQuery({ status: 'all', tag, sort: query.sort })}>
                    {tag} <span className="folio-count">{count}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </nav>
      <main className="folio-main">
        <header className="folio-toolbar-row">
          <input
            type="search"
            className="folio-search"
            placeholder="Search titles, full text, highlights and notes"
            aria-label="Search the library"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            autoFocus
          />
          <label>
            Sort{' '}
            <select value={query.sort} onChange={(event) => setQuery({ ...query, sort: event.target.value as LibrarySort })} disabled={Boolean(searchText.trim())}>
              {SORTS.map((s) => (
                <option key={s.sort} value={s.sort}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <span className="folio-count" role="status" aria-live="polite" data-testid="library-count">
            {view.ids === null || view.provisional ? 'Loading…' : `${plural(ids.length)}${query.tag ? ` tagged “${query.tag}”` : ''}${searchText.trim() ? ' found in the whole library' : ''}`}
          </span>
          {view.indexing && (
            <span className="folio-count" role="status" data-testid="search-indexing">
              indexing… {Math.floor((100 * view.indexing.indexed) / Math.max(1, view.indexing.total))}%
            </span>
          )}
          <LibrarySyncStatus />
        </header>
        <div className="folio-bulk" aria-label="Selected articles">
          <label>
            <input
              type="checkbox"
              checked={ids.length > 0 && selected.size === ids.length}
              onChange={(event) => setSelected(event.target.checked ? new Set(ids) : new Set())}
              aria-label="Select all"
            />
            {selected.size > 0 ? `${selected.size} selected` : 'Select all'}
          </label>
          {selected.size > 0 && (
            <>
              <button type="button" onClick={() => void archive(selectedIds, query.status !== 'archived')}>
                {query.status === 'archived' ? 'Unarchive' : 'Archive'}
              </button>
              <button type="button" onClick={() => void favourite(selectedIds, true)}>
                Favourite
              </button>
              <button type="button" onClick={() => void remove(selectedIds)}>
                Delete
              </button>
              <TagInput known={tags.map((t) => t.tag)} onAdd={(tag) => void addTag(selectedIds, tag)} />
            </>
          )}
        </div>
        {closedNotice && (
          <p role="alert" className="folio-error" data-testid="library-closed">
            {closedNotice}{' '}
            <button type="button" onClick={() => location.reload()}>
              Reload
            </button>
          </p>
        )}
        {view.unreadableCount > 0 && (
          <p role="status" className="folio-error" data-testid="library-unreadable">
            {view.unreadableCount === 1 ? '1 item could not be read' : `${view.unreadableCount} items could not be read`} (damaged in storage); they are left out
            of this list. Export still saves everything else.
          </p>
        )}
        {view.error && (
          <p role="alert" className="folio-error">
            {view.error}
          </p>
        )}
        <div ref={scroller} className="folio-scroller" data-testid="library-list">
          {view.ids !== null && ids.length === 0 && <p className="folio-empty">{searchText.trim() ? 'Nothing matches.' : 'Nothing here yet. Save articles from the reader, the popup or the page menu, or import a file below.'}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const id = ids[item.index]!;
              const record = view.records.get(id);
              return (
                <div key={id} data-index={item.index} ref={virtualizer.measureElement} className="folio-virtual-row" style={{ transform: `translateY(${item.start}px)` }}>
                  {record ? (
                    <ArticleRow
                      record={record}
                      readerUrl={READER_URL}
                      highlightMatches={view.highlightMatches.get(id)}
                      selected={selected.has(id)}
                      onSelect={(on) =>
                        setSelected((old) => {
                          const next = new Set(old);
                          if (on) next.add(id);
                          else next.delete(id);
                          return next;
                        })
                      }
                      onArchive={() => void archive([id], !record.archived)}
                      onFavourite={() => void favourite([id], !record.favourite)}
                      onDelete={() => void remove([id])}
                      onTagClick={(tag) => setQuery({ status: 'all', tag, sort: query.sort })}
                      onRemoveTag={(tag) => void act(`Removed “${tag}” from`, [id], () => changeTags(libraryDb(), [id], [], [tag]), () => changeTags(libraryDb(), [id], [tag], []))}
                    />
                  ) : (
                    <div className="folio-row is-loading" aria-hidden="true" />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {firstPageShown && (
          <Suspense fallback={null}>
            <ImportExportPanel onChanged={changed} />
          </Suspense>
        )}
      </main>
      {notice && (
        <div className="folio-notice" role="status">
          <span>{notice.message}</span>
          {notice.undo && (
            <button type="button" onClick={() => void notice.undo?.()}>
              Undo
            </button>
          )}
          <button type="button" onClick={dismiss} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
