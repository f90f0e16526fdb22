import { runExtractRequest, type RunRequestOptions } from '../extract-service/run-request';
import { downloadResultOf, type DownloadResult } from './download-result';

export { downloadResultOf, type DownloadResult } from './download-result';

/**
 * Fetches a saved link or imported article and extracts it the way the reader would, where there is a
 * DOM (an extension page, the offscreen document, Firefox's background page), with host permission for
 * the page's origin so the fetch is not blocked by CORS.
 */
export async function downloadArticle(url: string, options: RunRequestOptions = {}): Promise<DownloadResult> {
  return downloadResultOf(await runExtractRequest({ source: 'url', url }, options));
}
