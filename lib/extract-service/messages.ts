import type { ExtractRequest, ServiceResult } from './types';

/** The extraction service's messages (lib/messaging.ts extends this map). */
export interface ExtractServiceProtocol {
  /** reader content script → background: extract this page's markup away from the page's thread. */
  extractPageHtml(input: { html: string; url: string; findNextPage?: boolean }): ServiceResult;
  /** background → offscreen document (Chrome): serve one request where there is a DOM. */
  extractInOffscreen(input: ExtractRequest): ServiceResult;
}
