// First: pins the real extension API before anything reads `chrome` / `browser` (pages can clobber them).
import '@/lib/content/extension-api-guard';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '@/lib/extract';
import { provideReaderPart } from '@/lib/content/reader-parts';
import { appendPage } from '@/lib/multipage/append-page';
import { loadNextPage } from '@/lib/multipage/load-next-page';
import { explainExtraction } from './explain-extraction';

/**
 * The reader's extraction pipeline for a page read in place (Readability, DOMPurify, Folio's rules),
 * and for a multi-page story's next pages. Injected by the background when reader.js or the overlay
 * asks for it (lib/content/reader-parts.ts); a big page read away from its thread loads it only if
 * the reader continues its story.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  main() {
    provideReaderPart('extract', {
      // The overlay's own reading: it offers a multi-page story's next page.
      extract: (doc, url) => extractArticle(doc, { url, findNextPage: true }),
      explain: explainExtraction,
      loadNextPage,
      appendPage,
    });
  },
});
