import { extractArticle } from '../extract';
import type { ExtractResult } from '../extract/types';

/** Turns markup into a document; the browser's DOMParser unless a test gives another. */
export type ParseHtml = (html: string) => Document;

export interface ExtractHtmlOptions {
  parse?: ParseHtml;
  /** The window DOMPurify runs in; the global one by default (the background page, the offscreen document). */
  sanitizerWindow?: Window;
  maxElements?: number;
}

const parseWithDomParser: ParseHtml = (html) => new DOMParser().parseFromString(html, 'text/html');

/**
 * Extracts the article from a page's markup as the reader does from the live page. The parsed
 * document runs no scripts and loads nothing (DOMParser), and `url` stands in for its address, so
 * links and images resolve against the page, not against Folio's own.
 */
export function extractHtml(html: string, url: string, { parse = parseWithDomParser, sanitizerWindow, maxElements }: ExtractHtmlOptions = {}): ExtractResult {
  let document: Document;
  try {
    document = parse(html);
  } catch (error) {
    return { ok: false, reason: 'error', detail: `The page's markup could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
  return extractArticle(document, { url, ...(sanitizerWindow ? { sanitizerWindow } : {}), ...(maxElements ? { maxElements } : {}) });
}
