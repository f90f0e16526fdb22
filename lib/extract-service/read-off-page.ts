import type { ExtractResult } from '../extract/types';
import { sendMessage } from '../messaging';
import { OFF_PAGE_TIMEOUT_MS, toExtractResult } from './off-page';
import { withTimeout } from './with-timeout';
import { serviceFailure } from './types';

/**
 * Has the extraction service read a big page's markup (reader overlay, save without the reader); the
 * page's thread only waits. The reader asks for the story's next page too (`findNextPage`). Never throws.
 */
export async function readOffPage(html: string, url: string, { findNextPage = false }: { findNextPage?: boolean } = {}): Promise<ExtractResult> {
  const asked = sendMessage('extractPageHtml', { html, url, ...(findNextPage ? { findNextPage } : {}) }).catch((error: unknown) =>
    serviceFailure('unavailable', `Folio could not read this page in the background (${error instanceof Error ? error.message : String(error)}).`),
  );
  const seconds = OFF_PAGE_TIMEOUT_MS / 1000;
  return toExtractResult(await withTimeout(asked, OFF_PAGE_TIMEOUT_MS, `This page is too long to read: Folio stopped after ${seconds} seconds so that your browser stays responsive.`));
}
