/**
 * Locks the page behind the overlay and gives it back exactly as it was: the `style` attributes of
 * <html> and <body> (restored to the same text, or removed if there was none), the scroll position
 * and the focused element.
 */
export interface PageSnapshot {
  restore(): void;
}

function rememberStyle(element: HTMLElement | null): () => void {
  if (!element) return () => undefined;
  const had = element.hasAttribute('style');
  const value = element.getAttribute('style');
  return () => {
    if (had && value !== null) element.setAttribute('style', value);
    else element.removeAttribute('style');
  };
}

export function lockPage(doc: Document): PageSnapshot {
  const win = doc.defaultView ?? window;
  const scroll = { x: win.scrollX, y: win.scrollY };
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const restoreHtml = rememberStyle(doc.documentElement);
  const restoreBody = rememberStyle(doc.body);
  doc.documentElement.style.setProperty('overflow', 'hidden', 'important');
  doc.body?.style.setProperty('overflow', 'hidden', 'important');
  return {
    restore() {
      restoreHtml();
      restoreBody();
      win.scrollTo(scroll.x, scroll.y);
      focused?.focus({ preventScroll: true });
    },
  };
}
