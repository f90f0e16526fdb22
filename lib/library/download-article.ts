import { extractHtml } from '../extract-service/extract-html';
import { fetchPage } from '../extract-service/fetch-page';
import type { RunRequestOptions } from '../extract-service/run-request';
import { downloadResultOf, type DownloadResult } from './download-result';

export { downloadResultOf, type DownloadResult } from './download-result';

/** Where a download is: loading the page, then reading the article out of it. */
export type DownloadStage = 'fetching' | 'reading';

export interface DownloadOptions extends RunRequestOptions {
  /**
   * Told when each stage starts, so a page can show progress. Awaited: extraction runs on the caller's
   * thread, and a page that wants its "Reading the article…" painted first returns a promise that
   * resolves after the next frame.
   */
  onStage?: (stage: DownloadStage) => void | Promise<void>;
}

/**
 * Fetches a saved link, an imported article or an article synced from another device, and extracts it
 * the way the reader would, where there is a DOM (an extension page, the offscreen document, Firefox's
 * background page), with host permission for the page's origin so the fetch is not blocked by CORS.
 */
export async function downloadArticle(url: string, { onStage, ...options }: DownloadOptions = {}): Promise<DownloadResult> {
  await onStage?.('fetching');
  const page = await fetchPage(url, options);
  if (!page.ok) return downloadResultOf(page);
  await onStage?.('reading');
  return downloadResultOf(extractHtml(page.html, page.url, options));
}
