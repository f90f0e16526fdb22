/** A PerformanceObserver stand-in for paint-timing tests: the test reports paint entries to the observers created. */
export class FakePaintObserver {
  static supportedEntryTypes = ['paint'];
  static live = new Set<FakePaintObserver>();
  constructor(private readonly callback: (list: { getEntriesByName(name: string): unknown[] }) => void) {}
  observe() {
    FakePaintObserver.live.add(this);
  }
  disconnect() {
    FakePaintObserver.live.delete(this);
  }
  static report(name: string) {
    for (const observer of [...FakePaintObserver.live]) observer.callback({ getEntriesByName: (wanted) => (wanted === name ? [{ name }] : []) });
  }
}

/** Sets document.visibilityState and tells the page, as the browser does. */
export function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}
