import { runPipeline } from './pipeline';
import type { ExtractOptions, ExtractResult } from './types';

export type { Article, ExtractResult, ExtractOptions, ExtractFailure, ExtractSuccess, ExtractFailureReason, ExtractDebug } from './types';
export { detectArticle } from './detect';

/**
 * Reads the article of `document` without changing it. Never throws: a page with no article gives
 * `{ ok: false, reason, detail }`, with a best-effort `bestEffort` article where there is text.
 */
export function extractArticle(document: Document, options: ExtractOptions = {}): ExtractResult {
  return runPipeline(document, options);
}
