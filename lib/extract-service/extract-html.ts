import { extractArticle } from '../extract';
import type { ExtractResult } from '../extract/types';
import { parseInert } from '../dom/parse-inert';

/** Turns markup into a document; the browser's DOMParser unless a test gives another. */
export type ParseHtml = (html: string) => Document;

export interface ExtractHtmlOptions {
  parse?: ParseHtml;
  /** The window DOMPurify runs in; the global one by default (the background page, the offscreen document). */
  sanitizerWindow?: Window;
  maxElements?: number;
  /** Also find the story's next page (the overlay's "Continue reading" on a page read off the page). */
  findNextPage?: boolean;
}

const parseWithDomParser: ParseHtml = (html) => parseInert(html);

/**
 * A parsed document has the address of the document that parsed it (the offscreen document, the library
 * page: chrome-extension://…), and Readability resolves relative links and images against that, before
 * Folio's own absolutize rule sees them: a saved link's images became extension addresses, which the
 * sanitizer then dropped. A <base> with the page's address (or the page's own <base>, resolved against
 * it) makes the document resolve as the page did.
 */
export function resolveAgainstPage(document: Document, url: string): void {
  try {
    const own = document.querySelector('base[href]');
    const href = new URL(own?.getAttribute('href') ?? '', url).href;
    if (own) {
      own.setAttribute('href', href);
      return;
    }
    const base = document.createElement('base');
    base.setAttribute('href', href);
    (document.head ?? document.documentElement)?.prepend(base);
  } catch {
    // No usable address: links stay as the page wrote them, and the absolutize rule does what it can.
  }
}

/**
 * Extracts the article from a page's markup as the reader does from the live page. The parsed
 * document runs no scripts and loads nothing (DOMParser), and `url` stands in for its address, so
 * links and images resolve against the page, not against Folio's own. The document is parsed here for
 * this extraction alone, so extraction works on it without a private copy (`ownsDocument`).
 */
export function extractHtml(html: string, url: string, { parse = parseWithDomParser, sanitizerWindow, maxElements, findNextPage }: ExtractHtmlOptions = {}): ExtractResult {
  let document: Document;
  try {
    document = parse(html);
    resolveAgainstPage(document, url);
  } catch (error) {
    return { ok: false, reason: 'error', detail: `The page's markup could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
  return extractArticle(document, { url, ownsDocument: true, ...(sanitizerWindow ? { sanitizerWindow } : {}), ...(maxElements ? { maxElements } : {}), ...(findNextPage ? { findNextPage } : {}) });
}
