import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '@/lib/messaging';
import { validated } from '@/lib/messaging-schema';
import { createOffscreenHost, type OffscreenHost } from '@/lib/extract-service/offscreen-host';
import { serviceFailure, type ExtractRequest, type ServiceResult } from '@/lib/extract-service/types';

/**
 * The extraction service's background side. Where the background has a DOM (Firefox's background
 * page) it extracts itself; Chrome's service worker has none, so it hands the request to the
 * offscreen document (entrypoints/offscreen/). Either way the work runs in the extension's process,
 * never on the thread of the page the user is looking at.
 */

const OFFSCREEN_PATH = '/offscreen.html';

function chromeOffscreenHost(): OffscreenHost | null {
  // Present in Chrome's build only (the manifest's "offscreen" permission; see wxt.config.ts).
  const offscreen = browser.offscreen as typeof browser.offscreen | undefined;
  if (!offscreen) return null;
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  return createOffscreenHost({
    async exists() {
      const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
      return contexts.length > 0;
    },
    create: () =>
      offscreen.createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['DOM_PARSER'],
        justification: 'Reads articles out of web pages (parses their HTML) for the Folio library, and for pages too big to read in their tab.',
      }),
    close: () => offscreen.closeDocument(),
  });
}

let offscreenHost: OffscreenHost | null | undefined;

/**
 * Whether this build's background is a page with a DOM (MV2, and Firefox's MV3 event page) rather than
 * Chrome's service worker. Known at build time, so Chrome's worker does not carry the extraction
 * pipeline it would never run (the import below sits in the branch the build removes).
 */
const BACKGROUND_HAS_DOM = import.meta.env.MANIFEST_VERSION === 2 || import.meta.env.FIREFOX;

/** Extracts where the extension has a DOM. Never throws. */
export async function extractAway(request: ExtractRequest): Promise<ServiceResult> {
  if (BACKGROUND_HAS_DOM && typeof DOMParser === 'function') {
    // Imported here so that the dead branch takes the pipeline out of Chrome's worker with it.
    const { runExtractRequest } = await import('@/lib/extract-service/run-request');
    return runExtractRequest(request);
  }
  offscreenHost ??= chromeOffscreenHost();
  if (!offscreenHost) return serviceFailure('unavailable', 'This browser gives Folio no place to read pages in the background.');
  try {
    return await offscreenHost.run(() => sendMessage('extractInOffscreen', request));
  } catch (error) {
    return serviceFailure('unavailable', `Folio's page reader did not start (${error instanceof Error ? error.message : String(error)}).`);
  }
}

export function registerExtractService(): void {
  onMessage('extractPageHtml', validated('extractPageHtml', ({ data }) => extractAway({ source: 'html', html: data.html, url: data.url, ...(data.findNextPage ? { findNextPage: true } : {}) })));
}
