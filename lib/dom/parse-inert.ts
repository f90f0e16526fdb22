/**
 * Markup parsed by a window's DOMParser: the document is inert (nothing in it runs or loads). The
 * window is the one whose document the nodes will join (a content script's, an extension page's); the
 * global one by default (the offscreen document, the background page, jsdom in tests).
 */
export function parseInert(html: string, win?: Window | null): Document {
  const Parser = (win as (Window & { DOMParser: typeof DOMParser }) | null | undefined)?.DOMParser ?? DOMParser;
  return new Parser().parseFromString(html, 'text/html');
}

/** The body of an inert document holding `html`, a fragment of a body (sanitized article HTML). */
export function inertBody(html: string, win?: Window | null): HTMLElement {
  return parseInert(`<!doctype html><html><body>${html}</body></html>`, win).body;
}
