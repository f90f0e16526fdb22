import type { ExtractResult } from '@/lib/extract/types';
import { OFF_PAGE_TIMEOUT_MS, toExtractResult } from '@/lib/extract-service/off-page';
import { withTimeout } from '@/lib/extract-service/with-timeout';
import { serviceFailure } from '@/lib/extract-service/types';
import { sendMessage } from '@/lib/messaging';

/** Has the extraction service read a big page's markup; the page's thread only waits. Never throws. */
export async function readOffPage(html: string, url: string): Promise<ExtractResult> {
  const asked = sendMessage('extractPageHtml', { html, url }).catch((error: unknown) =>
    serviceFailure('unavailable', `Folio could not read this page in the background (${error instanceof Error ? error.message : String(error)}).`),
  );
  const seconds = OFF_PAGE_TIMEOUT_MS / 1000;
  return toExtractResult(await withTimeout(asked, OFF_PAGE_TIMEOUT_MS, `This page is too long to read: Folio stopped after ${seconds} seconds so that your browser stays responsive.`));
}
