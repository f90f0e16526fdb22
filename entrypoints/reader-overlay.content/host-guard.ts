/**
 * Keeps the overlay's host element in the page against hostile pages: it is put in the top layer
 * (above any z-index, even elements the page keeps moving after it), and when the page removes it
 * (anti-adblock scripts remove unknown elements) it is put back a few times, then given up on so the
 * page is never left scroll-locked behind an overlay that is gone.
 */
const MAX_REATTACH = 3;

export interface HostGuard {
  stop(): void;
}

/** Puts the host in the top layer where the browser supports popovers; harmless where it does not. */
export function raiseToTopLayer(host: HTMLElement): void {
  try {
    if (typeof host.showPopover !== 'function') return;
    if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // Already shown, or a browser without the top layer: z-index still applies.
  }
}

export function guardHost(host: HTMLElement, parent: Element, onReattached: () => void, onLost: () => void): HostGuard {
  let reattached = 0;
  const observer = new MutationObserver(() => {
    if (host.isConnected) return;
    if (reattached >= MAX_REATTACH) {
      observer.disconnect();
      onLost();
      return;
    }
    reattached += 1;
    parent.append(host);
    raiseToTopLayer(host);
    onReattached();
  });
  observer.observe(parent, { childList: true });
  return { stop: () => observer.disconnect() };
}
