/**
 * Draws highlights into the rendered article by wrapping text-node pieces in <mark> elements (DOM
 * operations only: the article's HTML is never re-written), and takes them away again, merging the
 * split text nodes back so offsets stay those of the original text.
 */
import { buildTextIndex, slicesForRange } from './text-index';

export const MARK_CLASS = 'folio-highlight';
export const HIGHLIGHT_ID_ATTRIBUTE = 'data-highlight-id';

export interface PaintRequest {
  id: string;
  start: number;
  end: number;
  color: string;
  /** Marks of another kind (the word being read aloud) use their own class. */
  className?: string;
}

/** Wraps each request's range; returns the marks made per highlight id. */
export function paintHighlights(root: Element, requests: readonly PaintRequest[]): Map<string, HTMLElement[]> {
  const painted = new Map<string, HTMLElement[]>();
  for (const request of requests) {
    // Re-indexed per request: wrapping splits text nodes, so the previous index is stale.
    const index = buildTextIndex(root);
    const marks: HTMLElement[] = [];
    for (const slice of slicesForRange(index, request.start, request.end)) {
      if (!slice.node.data.slice(slice.from, slice.to).trim() && isBetweenBlocks(slice.node)) continue;
      let node = slice.node;
      if (slice.from > 0) node = node.splitText(slice.from);
      if (slice.to - slice.from < node.data.length) node.splitText(slice.to - slice.from);
      const mark = root.ownerDocument.createElement('mark');
      mark.className = request.className ?? MARK_CLASS;
      mark.setAttribute(HIGHLIGHT_ID_ATTRIBUTE, request.id);
      mark.dataset.color = request.color;
      node.replaceWith(mark);
      mark.append(node);
      marks.push(mark);
    }
    painted.set(request.id, marks);
  }
  return painted;
}

/** Whitespace directly inside a list or table: wrapping it would put a <mark> where only items belong. */
function isBetweenBlocks(node: Text): boolean {
  const parent = node.parentElement?.tagName ?? '';
  return /^(?:UL|OL|DL|TABLE|TBODY|THEAD|TR|BLOCKQUOTE|FIGURE|SECTION|DIV)$/.test(parent);
}

/** Removes every highlight mark under root (or only those of one id), leaving the text as it was. */
export function clearHighlights(root: Element, id?: string, className = MARK_CLASS): void {
  const marks = Array.from(root.querySelectorAll(`mark.${className}`)).filter((mark) => id === undefined || mark.getAttribute(HIGHLIGHT_ID_ATTRIBUTE) === id);
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parent.normalize();
  }
}
