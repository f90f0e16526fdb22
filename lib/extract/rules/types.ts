import type { PageMetadata } from '../metadata';
import type { ElementMeasures } from './element-measures';

/** What a rule sees: the document copy it may change, and what the page says about itself. */
export interface RuleContext {
  /** The private copy being extracted (never the live page). */
  doc: Document;
  /** Where the rule works: the copy (whole, then pruned) before the body is chosen, the chosen body after. */
  root: Element;
  baseUrl: string | null;
  metadata: PageMetadata;
  /**
   * Clean phase: the run's measurements of the body's elements, kept from rule to rule while the body is
   * unchanged (element-measures.ts); for findElements and matchingLines while a rule looks, never after
   * it changed something.
   */
  measures?: ElementMeasures;
  /** Debug mode only: call before removing or changing `element`, with what is done (`removed`, `revealed`). */
  record?: (element: Element, action: string) => void;
}

/**
 * One generic pattern of real pages, handled in one file. `reveal` rules run on the whole document copy
 * before the detector judges it; `prepare` rules on what may be story (the copy pruned for scoring)
 * before the body is chosen; `clean` rules on the chosen body.
 * `apply` returns how many elements it changed (for the debug view).
 */
export interface ExtractRule {
  name: string;
  phase: 'reveal' | 'prepare' | 'clean';
  /** One sentence: what it removes or keeps, and why real pages need it. */
  why: string;
  apply(context: RuleContext): number;
}
