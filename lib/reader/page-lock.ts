/**
 * Locks the page behind the overlay and gives it back exactly as it was: not one attribute of the
 * page is written (the lock is an adopted stylesheet, or a <style> element removed again where
 * adoptedStyleSheets is unavailable), and scroll position and focus are restored on release.
 */
export interface PageSnapshot {
  restore(): void;
}

const LOCK_CSS = 'html, body { overflow: hidden !important; overscroll-behavior: none !important; }';

function addLockSheet(doc: Document): () => void {
  const win = doc.defaultView;
  try {
    if (!win || !('adoptedStyleSheets' in doc)) throw new Error('no adoptedStyleSheets');
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(LOCK_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  } catch {
    const style = doc.createElement('style');
    style.textContent = LOCK_CSS;
    doc.documentElement.appendChild(style);
    return () => style.remove();
  }
}

export function lockPage(doc: Document): PageSnapshot {
  const win = doc.defaultView ?? window;
  const scroll = { x: win.scrollX, y: win.scrollY };
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const unlock = addLockSheet(doc);
  return {
    restore() {
      unlock();
      win.scrollTo(scroll.x, scroll.y);
      focused?.focus({ preventScroll: true });
    },
  };
}
