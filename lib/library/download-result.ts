import type { Article } from '../extract/types';
import type { ServiceResult } from '../extract-service/types';

/** A download's outcome as the library keeps it (types only here: Chrome's worker imports this without the pipeline). */
export type DownloadResult = { ok: true; article: Article } | { ok: false; detail: string };

/** The article, or the best effort when the page is not quite one; otherwise why there is none. */
export function downloadResultOf(result: ServiceResult): DownloadResult {
  if (result.ok) return { ok: true, article: result.article };
  if ('bestEffort' in result && result.bestEffort) return { ok: true, article: result.bestEffort };
  const extractionFailed = result.reason === 'not-article' || result.reason === 'empty' || result.reason === 'too-large' || result.reason === 'error';
  return { ok: false, detail: extractionFailed ? `Folio found no article on this page (${result.detail}).` : result.detail };
}
