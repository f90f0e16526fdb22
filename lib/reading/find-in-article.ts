/**
 * Find in article, the DOM part: matches in the rendered article body, kept to one block each (words
 * split by <em> or a link are found; the end of one paragraph and the start of the next are not, as in
 * the browser's own find), and the live Range over a match for painting and scrolling.
 */
import { findInText, type TextMatch } from './find-in-text';
import { nearestBlock } from './speech-segments';
import { buildTextIndex, slicesForRange, type TextIndex } from './text-index';

function withinOneBlock(index: TextIndex, match: TextMatch): boolean {
  const slices = slicesForRange(index, match.start, match.end);
  if (slices.length === 0) return false;
  const block = nearestBlock(slices[0]!.node, index.root);
  return slices.every((slice) => nearestBlock(slice.node, index.root) === block);
}

export function findInArticle(root: Element, query: string): TextMatch[] {
  const index = buildTextIndex(root);
  return findInText(index.text, query).filter((match) => withinOneBlock(index, match));
}

/** A Range over the match in the body as it is now (text offsets survive marks; nodes do not). */
export function rangeOfMatch(index: TextIndex, match: TextMatch): Range | null {
  const slices = slicesForRange(index, match.start, match.end);
  const first = slices[0];
  const last = slices.at(-1);
  const doc = index.root.ownerDocument;
  if (!first || !last || !doc) return null;
  const range = doc.createRange();
  range.setStart(first.node, first.from);
  range.setEnd(last.node, last.to);
  return range;
}
