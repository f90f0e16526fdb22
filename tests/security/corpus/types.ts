/** The families of hostile input; each family lives in its own file under `families/`. */
export type HostileFamily =
  | 'script'
  | 'event-handler'
  | 'url-scheme'
  | 'namespace'
  | 'mutation-xss'
  | 'embedding'
  | 'document-control'
  | 'css-beacon'
  | 'dom-clobbering'
  | 'metadata'
  | 'dompurify-history';

/** One hostile input: a small, real-looking article page with one payload inside. */
export interface HostileCase {
  /** Unique, `[a-z0-9-]` only: payloads pass it to the canary, and the request log keys on it. */
  id: string;
  family: HostileFamily;
  /** What the payload tries, in a few words (printed when a case fails). */
  vector: string;
  /** The whole page as served: doctype, head, an article body with the payload inside. */
  html: string;
}

/** What a family file hands to the page builder: everything but the surrounding article. */
export interface PayloadSpec {
  id: string;
  vector: string;
  /** Markup placed in the article body. */
  body?: string;
  /** Markup placed in the page's head (metadata, base, meta refresh...). */
  head?: string;
  /** Where `body` goes: inside a paragraph's text, or between paragraphs (default). */
  placement?: 'inline' | 'block';
}
