/**
 * Locks the page behind the overlay and gives it back exactly as it was: nothing of the page is
 * written, not even a stylesheet. The page's scroll position is held where it was (a scroll that
 * gets through — a wheel that chains past the overlay's own scroller, the page's scrollbar, a page
 * script — is put back at once, out of sight behind the opaque overlay), and scroll position and
 * focus are restored on release.
 *
 * Why no `overflow: hidden` on html/body, as before: any stylesheet change makes the browser
 * recalculate the style of every element, and `overflow` also lays the page out again. On the
 * 50,000-element page that was one freeze of 100-500 ms when the overlay opened and another when it
 * closed (measured in Chromium, load 10: an adopted sheet with `overflow: hidden` 50-210 ms, with
 * only `overscroll-behavior` 110-280 ms, with `scrollbar-gutter` 0.5-1.5 s). The overlay covers the
 * viewport and its scroller has `overscroll-behavior: contain` (components/reader.css), so in the
 * usual case the page never moves at all.
 */
export interface PageSnapshot {
  restore(): void;
}

export function lockPage(doc: Document): PageSnapshot {
  const win = doc.defaultView ?? window;
  const scroll = { x: win.scrollX, y: win.scrollY };
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  // Scroll events from inside the overlay's shadow tree are not composed: this sees the page's only.
  const holdStill = () => {
    if (win.scrollX !== scroll.x || win.scrollY !== scroll.y) win.scrollTo(scroll.x, scroll.y);
  };
  win.addEventListener('scroll', holdStill, { capture: true, passive: true });
  return {
    restore() {
      win.removeEventListener('scroll', holdStill, { capture: true });
      win.scrollTo(scroll.x, scroll.y);
      focused?.focus({ preventScroll: true });
    },
  };
}
