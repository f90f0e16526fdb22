import { extractArticle } from '../extract';
import { findNextPageUrl } from '../extract/next-page';
import type { Article } from '../extract/types';
import { fetchPage } from '../extract-service/fetch-page';
import { parseInert } from '../dom/parse-inert';

/**
 * Loads one next page of a multi-page story, as the reader clicking the page's "next" link would:
 * a GET of that address from the page itself (the content script's fetch runs with the page's origin;
 * the page's cookies go with it as with the click, and Folio sets no header, user agent or referrer of
 * its own), same origin only: `mode: 'same-origin'` makes the browser refuse any other origin,
 * redirects included, and the address is checked before asking. The markup is parsed by DOMParser
 * (nothing in it runs or loads) and read by the same extraction as the first page.
 */

export type LoadedPage = { ok: true; article: Article; url: string; nextPageUrl: string | null } | { ok: false; detail: string };

export interface LoadNextPageOptions {
  /** The origin of the page the reader is on; nothing else is ever asked. */
  origin: string;
  /** The number this page will have in the story (2 for the first "Continue"). */
  pageNumber: number;
  /** The page's window: its fetch and DOMParser, and the sanitizer's DOM. */
  win: Window;
  fetchImpl?: typeof fetch;
  /** Cancels the request (the overlay closed). */
  signal?: AbortSignal;
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * The page's own fetch. In Firefox a content script's global fetch runs as the extension, and
 * `content.fetch` is the documented way to request as the page does; Chrome's content-script fetch
 * already runs with the page's origin.
 */
export function pageFetch(win: Window): typeof fetch {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  if (content && typeof content.fetch === 'function') return content.fetch.bind(content);
  return win.fetch.bind(win);
}

export async function loadNextPage(url: string, { origin, pageNumber, win, fetchImpl = pageFetch(win), signal }: LoadNextPageOptions): Promise<LoadedPage> {
  if (!sameOrigin(url, origin)) return { ok: false, detail: 'That page is on another site; Folio only follows a story to its next page on the same site.' };
  const fetched = await fetchPage(url, { fetchImpl: (input, init) => fetchImpl(input, { ...init, mode: 'same-origin' }), ...(signal ? { signal } : {}) });
  if (!fetched.ok) return { ok: false, detail: fetched.detail };
  if (!sameOrigin(fetched.url, origin)) return { ok: false, detail: 'The next page moved to another site; Folio stops there.' };
  const doc = parseInert(fetched.html, win);
  const result = extractArticle(doc, { url: fetched.url, pageNumber, sanitizerWindow: win, findNextPage: true });
  // A story's last page is often short (under the article minimum): its text is still the story's.
  const article = result.ok ? result.article : result.reason === 'empty' || result.reason === 'not-article' ? result.bestEffort : undefined;
  if (!article) return { ok: false, detail: result.ok ? '' : `Folio found no story text on page ${pageNumber} (${result.detail})` };
  const nextPageUrl = result.ok ? (result.nextPageUrl ?? null) : findNextPageUrl(doc, fetched.url, pageNumber);
  return { ok: true, article, url: fetched.url, nextPageUrl };
}
