/**
 * The document extraction works on (pipeline step 3), without what can never reach a reader and that
 * no later step reads: `<link>`s, inline SVG (icons and sprites; the sanitizer drops SVG anyway) and
 * comments. Leaving them out spares every later walk.
 * Scripts and styles stay until the detector has run (prune-for-scoring.ts): the detector's prose score
 * counts the text of blocks as a browser's `textContent` does, script text included.
 *
 * Two ways to get it: `privateCopy` for a document the caller keeps (the live page: extraction must
 * never change it), `stripInPlace` for a throwaway document the caller parsed for this extraction alone
 * (saving a link, the CLI, the benchmark), which spares copying every node.
 */

/** Elements left out of the copy, with everything inside them. */
const NEVER_READ = new Set(['link', 'svg']);
const ELEMENT_NODE = 1;
const COMMENT_NODE = 8;

function isLeftOut(node: Node): boolean {
  if (node.nodeType === COMMENT_NODE) return true;
  return node.nodeType === ELEMENT_NODE && NEVER_READ.has((node as Element).localName);
}

/** Copies `from`'s kept descendants under `to`, without recursion (a hostile page may nest deeply). */
function copyChildren(from: Node, to: Node): void {
  const pending: Array<[source: Node, target: Node]> = [[from, to]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [source, target] = next;
    for (let child = source.firstChild; child; child = child.nextSibling) {
      if (isLeftOut(child)) continue;
      const copied = child.cloneNode(false);
      target.appendChild(copied);
      if (child.firstChild) pending.push([child, copied]);
    }
  }
}

/** A copy of `doc` that shares nothing with it: changing the copy never changes the page. */
export function privateCopy(doc: Document): Document {
  const copy = doc.cloneNode(false) as Document;
  // The document's own children one by one: linkedom links its doctype to no next sibling.
  for (const child of Array.from(doc.childNodes)) {
    if (isLeftOut(child)) continue;
    const copied = child.cloneNode(false);
    copy.appendChild(copied);
    copyChildren(child, copied);
  }
  return copy;
}

/** The node after `node` in document order once its subtree is skipped, inside `root` (else null). */
function nextSkippingChildren(node: Node, root: Node): Node | null {
  for (let current: Node | null = node; current && current !== root; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

/**
 * Removes from `doc` itself what `privateCopy` leaves out, and returns it: the same document the copy
 * would be, for a caller that owns `doc` and discards it after extraction. One walk, without recursion.
 */
export function stripInPlace(doc: Document): Document {
  // The document's own children one by one, as in privateCopy (linkedom's doctype has no next sibling).
  for (const top of Array.from(doc.childNodes)) {
    if (isLeftOut(top)) {
      doc.removeChild(top);
      continue;
    }
    let node: Node | null = top.firstChild;
    while (node) {
      if (isLeftOut(node)) {
        const next = nextSkippingChildren(node, top);
        node.parentNode?.removeChild(node);
        node = next;
      } else {
        node = node.firstChild ?? nextSkippingChildren(node, top);
      }
    }
  }
  return doc;
}
