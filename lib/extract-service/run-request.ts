import { extractHtml, type ExtractHtmlOptions } from './extract-html';
import { fetchPage, type FetchPageOptions } from './fetch-page';
import type { ExtractRequest, ServiceResult } from './types';

export type RunRequestOptions = ExtractHtmlOptions & FetchPageOptions;

/**
 * Serves one request where there is a DOM (the offscreen document, Firefox's background page, an
 * extension page): fetch when asked for an address, then extract. Never throws.
 */
export async function runExtractRequest(request: ExtractRequest, options: RunRequestOptions = {}): Promise<ServiceResult> {
  if (request.source === 'html') return extractHtml(request.html, request.url, { ...options, findNextPage: request.findNextPage ?? false });
  const page = await fetchPage(request.url, options);
  if (!page.ok) return page;
  return extractHtml(page.html, page.url, options);
}
