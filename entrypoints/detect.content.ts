// First: pins the real extension API before anything reads `chrome` / `browser` (pages can clobber them).
import '@/lib/content/extension-api-guard';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle } from '@/lib/extract/detect';
import { sendMessage } from '@/lib/messaging';

/**
 * Runs on every page load, so it is small (no extraction code) and quick: one pass over the page's
 * paragraphs after load, measured as the `folio:detect` performance entry (npm run bench:detect).
 * Not in the manifest: the background registers it only while detection is on and the user has granted
 * access to all sites (entrypoints/background/detection-registration.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    const start = performance.now();
    const { isArticle, score } = detectArticle(document);
    performance.measure('folio:detect', { start, end: performance.now() });
    sendMessage('reportDetection', { isArticle, score }).catch(() => undefined);
  },
});
