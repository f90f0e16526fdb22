import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadedReaderPart, loadReaderPart, type OverlayContent } from '@/lib/content/reader-parts';
import { planReading, serializeDocument } from '@/lib/extract-service/off-page';
import { readOffPage } from '@/lib/extract-service/read-off-page';

export interface ReaderBoot {
  open(): Promise<void>;
  close(): void;
  toggle(): Promise<void>;
}

/**
 * The reader's first step on a click: decide where the page is read (lib/extract-service/off-page.ts),
 * then load only what that needs (lib/content/reader-parts.ts). A page read in place loads the
 * pipeline and extracts; a big or text-heavy page is copied and sent to the extraction service, and
 * the overlay loads while the service works. Either way the page is read before anything of Folio's
 * is in it, so neither the extraction nor the copy sees the overlay.
 */
export function createReaderBoot(ctx: ContentScriptContext): ReaderBoot {
  let opening = false;

  async function contentForPage(): Promise<OverlayContent> {
    const started = performance.now();
    const plan = planReading(document);
    if (plan.where === 'nowhere') return { kind: 'result', result: plan.result };
    if (plan.where === 'in-page') {
      const pipeline = await loadReaderPart('extract');
      const extractStarted = performance.now();
      const result = pipeline.extract(document, location.href);
      performance.measure('folio:extract', { start: extractStarted, end: performance.now() });
      return { kind: 'result', result };
    }
    performance.measure('folio:serialize', { start: started, end: performance.now() });
    const url = location.href;
    return {
      kind: 'reading',
      elements: plan.elements,
      textLength: plan.textLength,
      reading: readOffPage(plan.html, url),
      // Copied again: the page may have changed (a live page loads more) since the first attempt.
      retry: () => readOffPage(serializeDocument(document), url),
    };
  }

  async function open(): Promise<void> {
    if (opening || loadedReaderPart('overlay')?.isOpen()) return;
    opening = true;
    try {
      const content = await contentForPage();
      if (ctx.isInvalid) return;
      const overlay = await loadReaderPart('overlay');
      await overlay.open(content);
    } catch (error) {
      console.warn('Folio: the reader did not open', error);
    } finally {
      opening = false;
    }
  }

  function close(): void {
    loadedReaderPart('overlay')?.close();
  }

  return {
    open,
    close,
    toggle: () => (loadedReaderPart('overlay')?.isOpen() ? Promise.resolve(close()) : open()),
  };
}
