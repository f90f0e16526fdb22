import type { SafeHtml } from '../sanitize';

/** What Folio shows in the reader and stores in the library for one article. */
export interface Article {
  /** The page's address (canonical when known), or null for a file read without `--url`. */
  url: string | null;
  title: string;
  byline: string | null;
  /** The publication: the publisher named in the page's metadata, else the site's name. */
  siteName: string | null;
  siteIcon: string | null;
  /** ISO 8601, or null when the page does not say. */
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  /** Shown above the body only when the body has no image of its own. */
  leadImage: string | null;
  /** Sanitized article HTML. */
  content: SafeHtml;
  /** Plain text, one block a line. */
  textContent: string;
  wordCount: number;
  readingMinutes: number;
}

export type ExtractFailureReason = 'not-article' | 'empty' | 'too-large' | 'error';

export interface ExtractFailure {
  ok: false;
  reason: ExtractFailureReason;
  detail: string;
  /** The best the pipeline could do anyway, for "show it anyway"; absent when there is nothing. */
  bestEffort?: Article;
  debug?: ExtractDebug;
}

export interface ExtractSuccess {
  ok: true;
  article: Article;
  /** The story's next page on the same origin (a multi-page article), found by next-page.ts when asked (`findNextPage`). */
  nextPageUrl?: string;
  debug?: ExtractDebug;
}

export type ExtractResult = ExtractSuccess | ExtractFailure;

export interface ExtractOptions {
  /** The page's address; relative links and images resolve against it. Defaults to the document's. */
  url?: string;
  /** The window whose DOM runs the sanitizer; defaults to the document's window, then the global one. */
  sanitizerWindow?: Window;
  /** Record which rule removed or revealed what, for `--debug` and the overlay's "why" view. */
  debug?: boolean;
  /** Refuse documents with more elements than this (`too-large`). */
  maxElements?: number;
  /** This document is page N of a story Folio reached by following its next-page links. */
  pageNumber?: number;
  /**
   * Also look for the story's next page (`nextPageUrl`): only the overlay's "Continue reading" uses it,
   * so the other callers (saving, the CLI, the benchmark) do not pay for it.
   */
  findNextPage?: boolean;
  /**
   * The caller parsed `document` for this extraction alone and discards it afterwards (saving a link,
   * the CLI, the benchmark): extraction then works on it directly instead of on a private copy, and
   * leaves it changed. Never for the live page, which must stay exactly as it was.
   */
  ownsDocument?: boolean;
  /**
   * Who chooses the story's body (pipeline step 7): Folio's own chooser (lib/extract/score/, the default;
   * Mozilla Readability still chooses when it finds too little), or Readability alone (`'readability'`),
   * as before session 8. `bench:quality -- --chooser` and `bench:fidelity -- --chooser` compare the two.
   */
  bodyChooser?: 'readability' | 'folio';
}

/** One line of the pipeline's explanation. */
export interface DebugEntry {
  step: string;
  rule?: string;
  message: string;
  /** For a removal or reveal: the element (`tag#id.class`) and the first words of its text. */
  element?: string;
  sample?: string;
}

/** A container Readability (or, when asked, Folio's own chooser) weighed as the article's body, with its score. */
export interface DebugCandidate {
  element: string;
  score: number;
  textLength: number;
  sample: string;
  /** The body returned is, or holds, this container. */
  chosen: boolean;
}

export interface ExtractDebug {
  entries: DebugEntry[];
  timingsMs: Record<string, number>;
  /** The body chooser's top candidate containers (Readability's, or Folio's own), best first. */
  candidates?: DebugCandidate[];
  /** The article/not-article decision and the signal that made it. */
  decision?: { isArticle: boolean; because: string };
}
