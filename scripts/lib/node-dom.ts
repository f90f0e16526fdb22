import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';

/**
 * Node's stand-ins for a browser DOM. Extraction runs on linkedom (about ten times faster to parse than
 * jsdom, and what the benchmark runs every extractor on); the sanitizer needs a DOM that DOMPurify
 * supports, which linkedom is not, so it gets one shared jsdom window.
 */
export function parseHtmlDocument(html: string, url?: string): Document {
  const { document } = parseHTML(html);
  if (url) {
    // linkedom has no address of its own; expose the page's so relative links resolve.
    Object.defineProperty(document, 'URL', { value: url, configurable: true });
    Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  }
  return document as unknown as Document;
}

let sanitizerWindow: Window | undefined;

export function getSanitizerWindow(): Window {
  sanitizerWindow ??= new JSDOM('<!doctype html><html><head></head><body></body></html>').window as unknown as Window;
  return sanitizerWindow;
}
