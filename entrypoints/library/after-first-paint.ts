/**
 * Longest wait for the first paint's report: a page whose frames stop (hidden just now), or a browser
 * without Paint Timing, still loads. Under load the first paint comes 100–500 ms after navigation.
 */
const SAFETY_NET_MS = 500;

/**
 * Calls `then` once: when the browser reports the page's first contentful paint (Paint Timing, which
 * reports it when the frame is presented, not when it is drawn), when the page is hidden, or after
 * SAFETY_NET_MS, whichever comes first.
 */
export function afterFirstPaint(then: () => void): void {
  let called = false;
  let observer: PerformanceObserver | null = null;
  const onHidden = () => {
    if (document.visibilityState === 'hidden') once();
  };
  const once = () => {
    if (called) return;
    called = true;
    observer?.disconnect();
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onHidden);
    then();
  };
  const timer = setTimeout(once, SAFETY_NET_MS);
  document.addEventListener('visibilitychange', onHidden);
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) return;
  observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) once();
  });
  observer.observe({ type: 'paint', buffered: true });
}
