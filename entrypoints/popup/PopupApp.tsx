import { useRef, useState, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import { ArticleListItem } from '@/components/library/ArticleListItem';
import { sendMessage } from '@/lib/messaging';
import { siteFromUrl } from '@/lib/library/url-normalize';
import { useCurrentPage } from './use-current-page';
import { useLibraryList } from './use-library-list';

const READER_URL = browser.runtime.getURL('/article.html');

function openLibrary(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
  window.close();
}

/** Up/Down move between the search box and the articles; everything else is plain links and buttons. */
function moveFocus(event: KeyboardEvent<HTMLElement>, container: HTMLElement | null): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const stops = [...(container?.querySelectorAll<HTMLElement>('input[type=search], .folio-item-link') ?? [])];
  const at = stops.indexOf(document.activeElement as HTMLElement);
  const next = stops[at + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** The popup: the current page (read it, save it), recent saves, instant search, the library. */
export function PopupApp() {
  const page = useCurrentPage();
  const [query, setQuery] = useState('');
  const list = useLibraryList(query);
  const listRef = useRef<HTMLDivElement>(null);
  const shown = list.results ?? list.recent;
  const title = page.summary?.title ?? page.tab?.title ?? '';
  const site = page.summary?.siteName ?? (page.tab?.url ? siteFromUrl(page.tab.url) : '');
  const minutes = page.summary?.readingMinutes;

  return (
    <main className="folio-popup">
      <section className="folio-current" aria-label="This page">
        {page.restricted ? (
          <p className="folio-muted">Folio can't read this page (browser pages and extension stores are off limits).</p>
        ) : (
          <>
            <h1 className="folio-current-title">{title || 'This page'}</h1>
            <p className="folio-muted">{[site, minutes ? `${minutes} min read` : null].filter(Boolean).join(' · ')}</p>
            <div className="folio-actions">
              <button
                type="button"
                onClick={() => {
                  void sendMessage('openReader', undefined);
                  window.close();
                }}
              >
                Read
              </button>
              {page.saveState === 'saved' && page.savedId ? (
                <a className="folio-saved" href={`${READER_URL}?id=${encodeURIComponent(page.savedId)}`} target="_blank" rel="noopener">
                  Saved ✓
                </a>
              ) : (
                <button type="button" onClick={() => void page.save()} disabled={page.saveState === 'saving' || page.saveState === 'unknown'}>
                  {page.saveState === 'saving' ? 'Saving…' : page.saveState === 'error' ? 'Retry save' : 'Save'}
                </button>
              )}
            </div>
            {page.saveError && (
              <p role="alert" className="folio-error">
                {page.saveError}
              </p>
            )}
          </>
        )}
      </section>
      <div ref={listRef} onKeyDown={(event) => moveFocus(event, listRef.current)}>
        <input
          type="search"
          className="folio-search"
          placeholder="Search your library"
          aria-label="Search your library"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoFocus
        />
        <h2 className="folio-list-heading">{list.results ? `Matches (${list.results.length})` : 'Recently saved'}</h2>
        {list.error && <p role="alert" className="folio-error">{list.error}</p>}
        {shown.length === 0 ? (
          <p className="folio-muted">{list.results ? 'Nothing matches.' : 'Nothing saved yet.'}</p>
        ) : (
          <ul className="folio-list" aria-label={list.results ? 'Search results' : 'Recently saved'}>
            {shown.map((record) => (
              <ArticleListItem key={record.id} record={record} readerUrl={READER_URL} />
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="folio-library-link" onClick={openLibrary}>
        Open the library{list.total !== null ? ` (${list.total})` : ''}
      </button>
    </main>
  );
}
