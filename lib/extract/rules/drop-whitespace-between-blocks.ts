import type { ExtractRule } from './types';
import { isBlock } from './dom-helpers';

/** NodeFilter's SHOW_TEXT. */
const SHOW_TEXT = 0x4;
/** Whitespace HTML collapses (not the no-break space, which shows). */
const COLLAPSIBLE_ONLY = /^[ \t\n\r\f]*$/;
/** Where whitespace is the text itself. */
const KEEPS_WHITESPACE = 'pre, textarea, listing, xmp, plaintext';

/**
 * Beside the whitespace, a block, or the edge of a block it sits in: no line of text runs through it
 * (an inline element's edge does not count: `country<span> </span>and` needs its space).
 */
function isBlockEdge(node: Node | null, parent: Element): boolean {
  return node === null ? isBlock(parent) : node.nodeType === 1 && isBlock(node as Element);
}

/**
 * Whitespace-only text between blocks (the indentation of a page's templates) shows nothing, but every
 * such node is one more for the sanitizer to walk, check and serialise, and page templates leave one
 * between almost every pair of blocks. Whitespace beside inline content (a space between two links) stays.
 */
export const dropWhitespaceBetweenBlocks: ExtractRule = {
  name: 'drop-whitespace-between-blocks',
  phase: 'clean',
  why: 'Template indentation between blocks shows nothing and doubles the nodes the sanitizer walks.',
  apply({ root }) {
    const dropped: Node[] = [];
    const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!COLLAPSIBLE_ONLY.test((node as Text).data)) continue;
      const parent = node.parentElement;
      if (!parent || !isBlockEdge(node.previousSibling, parent) || !isBlockEdge(node.nextSibling, parent)) continue;
      if (parent.closest(KEEPS_WHITESPACE)) continue;
      dropped.push(node);
    }
    for (const node of dropped) node.parentNode?.removeChild(node);
    return dropped.length;
  },
};
