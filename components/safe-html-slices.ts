import type { SafeHtml } from '@/lib/sanitize';
import { inertBody } from '@/lib/dom/parse-inert';

/**
 * Writes a very long sanitized body into the page a slice at a time, one slice per frame, so that
 * no single frame has to lay out the whole text (issue 6: a 100,000-word article rendered in one go
 * held the page's thread for 0.7-1.2 s in one Long Animation Frame; bench:big-page). The first slice
 * is about a screenful or two, so the article appears as fast as before; the rest follows behind it.
 *
 * Only SafeHtmlBlock.tsx calls this: the HTML is the sanitizer's output, parsed by DOMParser into an
 * inert document (nothing in it runs or loads there) and moved node by node into the live body, the
 * same nodes an innerHTML write of the same string would give. An element too big for one slice is
 * entered: a shallow copy of it goes in first and its children follow, slice by slice.
 */

/** Characters of text in the first slice: a couple of screens of prose. */
export const FIRST_SLICE_CHARS = 8_000;
/** Characters of text in each later slice: laid out within one frame's budget on a loaded machine. */
export const SLICE_CHARS = 20_000;
/** A frame may not come (a hidden tab): a slice goes in after this long anyway. */
const FRAME_FALLBACK_MS = 100;

interface Piece {
  parent: Node;
  node: Node;
  chars: number;
}

/** The nodes to move, in document order, each with its parent in the live body and its text size. */
function* piecesOf(nodes: readonly Node[], parent: Node): Generator<Piece> {
  for (const node of nodes) {
    const chars = node.textContent?.length ?? 0;
    if (chars > SLICE_CHARS && node.nodeType === Node.ELEMENT_NODE && node.hasChildNodes()) {
      const shell = node.cloneNode(false);
      yield { parent, node: shell, chars: 0 };
      yield* piecesOf(Array.from(node.childNodes), shell);
    } else {
      yield { parent, node, chars };
    }
  }
}

function afterNextFrame(run: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    run();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, FRAME_FALLBACK_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Fills `container` with `html`. When the container already shows `shownHtml` in full and `html` only
 * adds to its end (a multi-page story's next page), only the addition is written, so what the reader
 * is looking at stays where it is. Calls onDone once everything is in; returns a cancel function.
 */
export function writeInSlices(container: HTMLElement, html: SafeHtml, shownHtml: string | null, onDone: () => void): () => void {
  const appending = shownHtml !== null && shownHtml.length > 0 && html.startsWith(shownHtml);
  if (!appending) container.replaceChildren();
  const pieces = piecesOf(Array.from(inertBody(appending ? html.slice(shownHtml.length) : html, container.ownerDocument.defaultView).childNodes), container);
  let cancelFrame: () => void = () => undefined;
  let cancelled = false;

  const writeSlice = (budget: number) => {
    if (cancelled) return;
    let written = 0;
    for (let next = pieces.next(); !next.done; next = pieces.next()) {
      next.value.parent.appendChild(next.value.node);
      written += next.value.chars;
      if (written >= budget) {
        cancelFrame = afterNextFrame(() => writeSlice(SLICE_CHARS));
        return;
      }
    }
    onDone();
  };
  writeSlice(FIRST_SLICE_CHARS);
  return () => {
    cancelled = true;
    cancelFrame();
  };
}
