import { detectArticle, extractArticle } from '@/lib/extract';
import type { Explanation } from '@/lib/content/reader-parts';

/** The tag of the overlay's shadow host (createShadowRootUi's name in reader-overlay.content/overlay-controller.tsx). */
const OVERLAY_HOST = 'folio-reader';

/**
 * "Why does it look like this?": the page extracted again, this time recording every decision. Only
 * when asked, so the overlay's own extraction pays nothing for debug output. Folio's host element is
 * taken out of the copy, so the page is read as it was before the overlay opened (the page may have
 * changed since: a live page can load more, and the view says it is a fresh run).
 */
export function explainExtraction(doc: Document, url: string): Explanation | null {
  const copy = doc.cloneNode(true) as Document;
  for (const host of Array.from(copy.querySelectorAll(OVERLAY_HOST))) host.remove();
  const sanitizerWindow = doc.defaultView ?? window;
  const result = extractArticle(copy, { url, debug: true, sanitizerWindow });
  if (!result.debug) return null;
  return { debug: result.debug, signals: detectArticle(copy, url).signals };
}
