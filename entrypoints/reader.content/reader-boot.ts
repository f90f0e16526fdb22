import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadedReaderPart, loadReaderPart, type ExtractPart, type OverlayContent } from '@/lib/content/reader-parts';
import { planReading, serializeDocument, type ReadingPlan } from '@/lib/extract-service/off-page';
import { readOffPage } from '@/lib/extract-service/read-off-page';

export interface ReaderBoot {
  open(): Promise<void>;
  close(): void;
  toggle(): Promise<void>;
}

/**
 * The reader's first step on a click: decide where the page is read (lib/extract-service/off-page.ts),
 * then load only what that needs (lib/content/reader-parts.ts): the overlay always, the pipeline only
 * for a page read in place. The parts are loaded before the page is read, so their evaluation does
 * not share the page's heap with a multi-megabyte copy of it, nor the CPU with the service reading it
 * (bench:big-page, overlay evaluation: 0.52-1.0 s at load 15-17 loaded after the copy, 0.44-0.76 s at
 * load 22-26 before it). The page is read before anything of Folio's is mounted in it, so neither
 * the extraction nor the copy sees the overlay.
 */
export function createReaderBoot(ctx: ContentScriptContext): ReaderBoot {
  let opening = false;

  function readPlanned(plan: ReadingPlan, pipeline: ExtractPart | null): OverlayContent {
    if (plan.where === 'nowhere') return { kind: 'result', result: plan.result };
    if (plan.where === 'in-page' && pipeline) {
      const started = performance.now();
      const result = pipeline.extract(document, location.href);
      performance.measure('folio:extract', { start: started, end: performance.now() });
      return { kind: 'result', result };
    }
    const started = performance.now();
    const html = serializeDocument(document);
    performance.measure('folio:serialize', { start: started, end: performance.now() });
    const url = location.href;
    return {
      kind: 'reading',
      elements: plan.where === 'off-page' ? plan.elements : 0,
      textLength: plan.where === 'off-page' ? plan.textLength : 0,
      reading: readOffPage(html, url),
      // Copied again: the page may have changed (a live page loads more) since the first attempt.
      retry: () => readOffPage(serializeDocument(document), url),
    };
  }

  async function open(): Promise<void> {
    if (opening || loadedReaderPart('overlay')?.isOpen()) return;
    opening = true;
    try {
      const plan = planReading(document);
      const overlay = await loadReaderPart('overlay');
      const pipeline = plan.where === 'in-page' ? await loadReaderPart('extract') : null;
      if (ctx.isInvalid) return;
      await overlay.open(readPlanned(plan, pipeline));
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
