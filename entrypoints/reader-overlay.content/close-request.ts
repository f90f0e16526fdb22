/**
 * Esc as the browser's own "close request" (CloseWatcher, Chromium 126+), for pages that swallow keys.
 *
 * A page's capture listener on `window`, added before Folio's, runs first for every key: when it calls
 * stopImmediatePropagation no listener of Folio's sees the key, wherever it is (window, document, the
 * shadow root, the focused element: the event never gets past window). The browser still treats Esc
 * as a close request after dispatch, unless a listener cancelled the key (preventDefault), and a
 * close watcher hears that request without any listener in the page's path. So the overlay holds one
 * while it is open. Where CloseWatcher is missing this is a no-op and the key listeners remain.
 */
interface CloseWatcherLike {
  destroy(): void;
  onclose: (() => void) | null;
}

type CloseWatcherConstructor = new () => CloseWatcherLike;

export interface CloseRequestWatch {
  stop(): void;
}

export function watchCloseRequest(onClose: () => void, global: object = globalThis): CloseRequestWatch {
  const Watcher = (global as { CloseWatcher?: CloseWatcherConstructor }).CloseWatcher;
  if (typeof Watcher !== 'function') return { stop: () => undefined };
  let watcher: CloseWatcherLike | null = null;
  try {
    watcher = new Watcher();
    watcher.onclose = () => {
      watcher = null;
      onClose();
    };
  } catch {
    // Not allowed here (a document that is not fully active): the key listeners remain.
  }
  return {
    stop() {
      watcher?.destroy();
      watcher = null;
    },
  };
}
