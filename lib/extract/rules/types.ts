import type { PageMetadata } from '../metadata';

/** What a rule sees: the document copy it may change, and what the page says about itself. */
export interface RuleContext {
  /** The private copy being extracted (never the live page). */
  doc: Document;
  /** Where the rule works: the whole copy before Readability, the article body after it. */
  root: Element;
  baseUrl: string | null;
  metadata: PageMetadata;
  /** Debug mode only: call before removing or changing `element`, with what is done (`removed`, `revealed`). */
  record?: (element: Element, action: string) => void;
}

/**
 * One generic pattern of real pages, handled in one file. `prepare` rules run on the document copy
 * before Readability scores it; `clean` rules run on the body Readability chose.
 * `apply` returns how many elements it changed (for the debug view).
 */
export interface ExtractRule {
  name: string;
  phase: 'prepare' | 'clean';
  /** One sentence: what it removes or keeps, and why real pages need it. */
  why: string;
  apply(context: RuleContext): number;
}
