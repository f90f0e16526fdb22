import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { extractArticle } from '@/lib/extract';
import { lockPage, type PageSnapshot } from '@/lib/reader/page-lock';
import { OverlayApp } from './OverlayApp';
import { guardHost, raiseToTopLayer, type HostGuard } from './host-guard';
import { planReading } from '@/lib/extract-service/off-page';
import { readOffPage } from '@/lib/extract-service/read-off-page';
import { ReadingLongPage } from './ReadingLongPage';
import { watchCloseRequest, type CloseRequestWatch } from './close-request';

export interface OverlayController {
  open(): Promise<void>;
  close(): void;
  toggle(): Promise<void>;
}

/**
 * Opens and closes the reader overlay: a shadow-root UI over the whole viewport, the page behind it
 * scroll-locked and given back exactly as it was on close (Esc, the close button, a second click).
 */
export function createOverlayController(ctx: ContentScriptContext): OverlayController {
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

  async function open(): Promise<void> {
    if (ui || opening) return;
    opening = true;
    try {
      // Extract (or copy the markup, for a very big page) before anything of Folio's is in the page,
      // so the copy holds only the page.
      const started = performance.now();
      const plan = planReading(document);
      const result = plan.where === 'in-page' ? extractArticle(document, { url: location.href, findNextPage: true }) : plan.where === 'nowhere' ? plan.result : null;
      performance.measure(result ? 'folio:extract' : 'folio:serialize', { start: started, end: performance.now() });
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
          root.render(result ? <OverlayApp result={result} onClose={close} /> : <ReadingLongPage elements={plan.where === 'off-page' ? plan.elements : 0} onClose={close} />);
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
      if (plan.where === 'off-page') await showWhenRead(mounted, plan.html);
    } finally {
      opening = false;
    }
  }

  /** A big page: read away from the page's thread, then the article (or why not) replaces "Reading…". */
  async function showWhenRead(mounted: ShadowRootContentScriptUi<Root>, html: string): Promise<void> {
    const started = performance.now();
    const result = await readOffPage(html, location.href);
    performance.measure('folio:extract', { start: started, end: performance.now() });
    if (ui !== mounted) return; // closed while it was being read
    mounted.mounted?.render(<OverlayApp result={result} onClose={close} />);
    focusReader(mounted.shadow);
  }

  // A single-page app that moves to another address has replaced the story the overlay shows (and
  // saving it would file it under the wrong address): close. A hash change is the same story.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl, oldUrl }) => {
    if (ui && withoutHash(newUrl) !== withoutHash(oldUrl)) close();
  });

  return {
    open,
    close,
    toggle: () => (ui ? Promise.resolve(close()) : open()),
  };
}

function withoutHash(url: URL): string {
  return url.href.replace(/#.*$/, '');
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
