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
 * for a page read in place. For a big page the overlay is asked for first and the page is copied and
 * sent to the extraction service while the background injects it: loading the overlay and reading the
 * page run side by side instead of one after the other (in series, click → article on the 50,000-
 * element page went from 2.3 s to 4.0 s; bench:big-page). The copy runs in its own task, after a
 * yield, so it does not add to the task that decided. The page is read before anything of Folio's is
 * mounted in it, so neither the extraction nor the copy sees the overlay.
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
      // The overlay offers "Continue reading" for a multi-page story: it needs the next page's address.
      reading: readOffPage(html, url, { findNextPage: true }),
      // Copied again: the page may have changed (a live page loads more) since the first attempt.
      retry: () => readOffPage(serializeDocument(document), url, { findNextPage: true }),
    };
  }

  async function open(): Promise<void> {
    if (opening || loadedReaderPart('overlay')?.isOpen()) return;
    opening = true;
    try {
      const plan = planReading(document);
      // Asked for now; a failure is seen where it is awaited (below), not as an unhandled rejection.
      const overlayLoading = loadReaderPart('overlay');
      overlayLoading.catch(() => undefined);
      let content: OverlayContent;
      if (plan.where === 'in-page') {
        const pipeline = await loadReaderPart('extract');
        content = readPlanned(plan, pipeline);
      } else {
        await nextTask();
        content = readPlanned(plan, null);
      }
      const overlay = await overlayLoading;
      if (ctx.isInvalid) return;
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

/** Lets the page's thread run what is queued (input, the page's own timers) before the next step. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
