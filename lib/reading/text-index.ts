/**
 * A flat view of the text under one element: every text node with its start offset, so that character
 * offsets (what anchors, speech boundaries and search speak in) and DOM ranges convert both ways.
 * Offsets count the characters of `root.textContent`, the same string the library stores positions in.
 */
export interface TextNodeSpan {
  node: Text;
  start: number;
  end: number;
}

export interface TextIndex {
  root: Node;
  text: string;
  spans: TextNodeSpan[];
}

/** One piece of a character range that lies inside a single text node. */
export interface TextSlice {
  node: Text;
  /** Offsets inside `node`. */
  from: number;
  to: number;
}

const TEXT_NODE = 3;

export function buildTextIndex(root: Node): TextIndex {
  const spans: TextNodeSpan[] = [];
  let offset = 0;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const length = (child as Text).data.length;
        spans.push({ node: child as Text, start: offset, end: offset + length });
        offset += length;
      } else walk(child);
    }
  };
  walk(root);
  return { root, text: spans.map((span) => span.node.data).join(''), spans };
}

/** The span holding the character at `offset` (binary search; spans are in document order). */
function spanIndexAt(index: TextIndex, offset: number): number {
  let low = 0;
  let high = index.spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = index.spans[middle]!;
    if (offset < span.start) high = middle - 1;
    else if (offset >= span.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** The text-node pieces covering [start, end), skipping empty ones. */
export function slicesForRange(index: TextIndex, start: number, end: number): TextSlice[] {
  const slices: TextSlice[] = [];
  if (end <= start) return slices;
  let i = Math.max(0, spanIndexAt(index, start));
  for (; i < index.spans.length; i += 1) {
    const span = index.spans[i]!;
    if (span.start >= end) break;
    const from = Math.max(start, span.start) - span.start;
    const to = Math.min(end, span.end) - span.start;
    if (to > from) slices.push({ node: span.node, from, to });
  }
  return slices;
}

/** The character offset of a DOM boundary point (as in a Range) under the index's root, or -1. */
export function offsetOfPoint(index: TextIndex, container: Node, offset: number): number {
  if (container.nodeType === TEXT_NODE) {
    const span = index.spans.find((candidate) => candidate.node === container);
    return span ? span.start + Math.min(offset, span.node.data.length) : -1;
  }
  // An element boundary: the offset is the text that precedes child number `offset`.
  const child = container.childNodes[offset];
  if (!child) {
    // After the last child: the end of the container's text.
    const last = lastTextSpanWithin(index, container);
    return last ? last.end : offsetBefore(index, container);
  }
  const first = index.spans.find((span) => child === span.node || child.contains(span.node));
  return first ? first.start : offsetAfterNode(index, child);
}

function lastTextSpanWithin(index: TextIndex, container: Node): TextNodeSpan | undefined {
  for (let i = index.spans.length - 1; i >= 0; i -= 1) if (container.contains(index.spans[i]!.node)) return index.spans[i];
  return undefined;
}

function offsetBefore(index: TextIndex, node: Node): number {
  return offsetAfterNode(index, node);
}

/** For a node with no text of its own: the offset of the first text that follows it in document order. */
function offsetAfterNode(index: TextIndex, node: Node): number {
  const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
  const next = index.spans.find((span) => node.compareDocumentPosition(span.node) & FOLLOWING);
  return next ? next.start : index.text.length;
}

/** A Range's character offsets under the index's root, or null when it lies outside it or is empty. */
export function offsetsOfRange(index: TextIndex, range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }): { start: number; end: number } | null {
  if (!index.root.contains(range.startContainer) || !index.root.contains(range.endContainer)) return null;
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  const end = offsetOfPoint(index, range.endContainer, range.endOffset);
  if (start < 0 || end < 0 || end <= start) return null;
  return { start, end };
}
