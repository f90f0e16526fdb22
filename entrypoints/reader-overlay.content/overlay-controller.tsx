import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { lockPage, type PageSnapshot } from '@/lib/reader/page-lock';
import { OverlayApp } from './OverlayApp';
import { guardHost, raiseToTopLayer, type HostGuard } from './host-guard';
import type { OverlayContent, OverlayPart } from '@/lib/content/reader-parts';
import type { ExtractResult } from '@/lib/extract/types';
import { withoutHash } from '@/lib/extract/url';
import { ReadingLongPage } from './ReadingLongPage';
import { watchCloseRequest, type CloseRequestWatch } from './close-request';

/**
 * Opens and closes the reader overlay: a shadow-root UI over the whole viewport, the page behind it
 * scroll-locked and given back exactly as it was on close (Esc, the close button, a second click).
 * What it shows was extracted before it opened (reader.js), or is being read away from the page.
 */
export function createOverlayController(ctx: ContentScriptContext): OverlayPart {
  let ui: ShadowRootContentScriptUi<Root> | null = null;
  let snapshot: PageSnapshot | null = null;
  let guard: HostGuard | null = null;
  let closeRequest: CloseRequestWatch | null = null;
  let opening = false;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !ui) return;
    // A popover of the reading tools closes itself on Esc (giving focus back); the reader stays open.
    // Cancelled so the browser's close request (close-request.ts) does not close the reader too.
    if (event.composedPath().some((node) => node instanceof Element && node.hasAttribute('data-folio-own-escape'))) {
      event.preventDefault();
      return;
    }
    event.stopImmediatePropagation();
    event.preventDefault();
    close();
  };
  // Three ways Esc reaches Folio, registered once, as early as the reader script runs: window capture
  // (before any page listener added later), the shadow root (where focus lives while the reader is
  // open; added on open) and, when the page stops the key on window first, the browser's close
  // request (close-request.ts).
  ctx.addEventListener(window, 'keydown', onKeyDown, { capture: true });

  function close(): void {
    if (!ui) return;
    closeRequest?.stop();
    closeRequest = null;
    guard?.stop();
    guard = null;
    ui.remove();
    ui = null;
    snapshot?.restore();
    snapshot = null;
  }

  async function open(content: OverlayContent): Promise<void> {
    if (ui || opening) return;
    opening = true;
    try {
      const mounted = await createShadowRootUi(ctx, {
        name: 'folio-reader',
        // Positioned by the :host rule of components/reader.css (WXT's own reset would undo it).
        position: 'inline',
        inheritStyles: true,
        anchor: 'html',
        append: 'last',
        isolateEvents: ['keydown', 'keyup', 'keypress', 'wheel'],
        onMount: (container) => {
          const root = createRoot(container);
          root.render(content.kind === 'result' ? <OverlayApp result={content.result} onClose={close} /> : readingView(content));
          return root;
        },
        onRemove: (root) => root?.unmount(),
      });
      snapshot = lockPage(document);
      mounted.mount();
      ui = mounted;
      raiseToTopLayer(mounted.shadowHost);
      guard = guardHost(mounted.shadowHost, document.documentElement, () => focusReader(mounted.shadow), close);
      mounted.shadow.addEventListener('keydown', onKeyDown as EventListener, true);
      closeRequest = watchCloseRequest(close);
      focusReader(mounted.shadow);
    } finally {
      opening = false;
    }
    // Not awaited: open() answers once the overlay is up, and a click meanwhile can close it.
    if (content.kind === 'reading' && ui) void showWhenRead(ui, content, content.reading);
  }

  function readingView(content: Extract<OverlayContent, { kind: 'reading' }>, failure?: string) {
    const retry = () => {
      if (!ui) return;
      const mounted = ui;
      mounted.mounted?.render(readingView(content));
      void showWhenRead(mounted, content, content.retry());
    };
    return <ReadingLongPage elements={content.elements} textLength={content.textLength} failure={failure} onRetry={retry} onClose={close} />;
  }

  /**
   * A big page: read away from the page's thread, then the article (or why not) replaces "Reading…".
   * When the service gave up (too slow, or not there), the overlay says so and offers to try again.
   */
  async function showWhenRead(mounted: ShadowRootContentScriptUi<Root>, content: Extract<OverlayContent, { kind: 'reading' }>, reading: Promise<ExtractResult>): Promise<void> {
    const started = performance.now();
    const result = await reading;
    performance.measure('folio:extract', { start: started, end: performance.now() });
    if (ui !== mounted) return; // closed while it was being read
    const gaveUp = !result.ok && !result.bestEffort && (result.reason === 'too-large' || result.reason === 'error');
    mounted.mounted?.render(gaveUp ? readingView(content, result.detail) : <OverlayApp result={result} onClose={close} />);
    focusReader(mounted.shadow);
  }

  // A single-page app that moves to another address has replaced the story the overlay shows (and
  // saving it would file it under the wrong address): close. A hash change is the same story.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl, oldUrl }) => {
    if (ui && withoutHash(newUrl) !== withoutHash(oldUrl)) close();
  });

  return { isOpen: () => ui !== null, open, close };
}

/**
 * Moves focus into the overlay so keys scroll the article, not the page. React renders
 * asynchronously, so on a busy machine the reader may not exist yet: try again for a few frames.
 */
function focusReader(shadow: ShadowRoot, framesLeft = 60): void {
  requestAnimationFrame(() => {
    const reader = shadow.querySelector<HTMLElement>('.folio-reader');
    if (!reader) {
      if (framesLeft > 0) focusReader(shadow, framesLeft - 1);
      return;
    }
    reader.tabIndex = -1;
    reader.focus({ preventScroll: true });
  });
}
