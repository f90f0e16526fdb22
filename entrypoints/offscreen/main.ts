import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import { validated } from '@/lib/messaging-schema';
import { runExtractRequest } from '@/lib/extract-service/run-request';
import { serviceFailure } from '@/lib/extract-service/types';

/**
 * Chrome's offscreen document: the DOM the service worker lacks. It serves the background's
 * extraction requests and nobody else's: a content script's message reaches every extension page
 * too, and only the background may ask for a page to be fetched with the user's cookies.
 */
onMessage(
  'extractInOffscreen',
  validated('extractInOffscreen', ({ data, sender }) => {
    const fromBackground = sender.id === browser.runtime.id && sender.tab === undefined && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
    if (!fromBackground) return Promise.resolve(serviceFailure('unavailable', 'Refused: only the background may ask.'));
    return runExtractRequest(data);
  }),
);
