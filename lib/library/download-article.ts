import type { Article } from '../extract/types';
import { runExtractRequest, type RunRequestOptions } from '../extract-service/run-request';
import type { ServiceResult } from '../extract-service/types';

/**
 * Fetches a saved link or imported article and extracts it the way the reader would, where there is a
 * DOM (an extension page, the offscreen document, Firefox's background page), with host permission for
 * the page's origin so the fetch is not blocked by CORS.
 */

export type DownloadResult = { ok: true; article: Article } | { ok: false; detail: string };

/** What the library keeps of an extraction: the article, or the best effort when the page is not quite one. */
export function downloadResultOf(result: ServiceResult): DownloadResult {
  if (result.ok) return { ok: true, article: result.article };
  if ('bestEffort' in result && result.bestEffort) return { ok: true, article: result.bestEffort };
  const extractionFailed = result.reason === 'not-article' || result.reason === 'empty' || result.reason === 'too-large' || result.reason === 'error';
  return { ok: false, detail: extractionFailed ? `Folio found no article on this page (${result.detail}).` : result.detail };
}

export async function downloadArticle(url: string, options: RunRequestOptions = {}): Promise<DownloadResult> {
  return downloadResultOf(await runExtractRequest({ source: 'url', url }, options));
}
