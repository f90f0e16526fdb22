/**
 * The private copy extraction works on (pipeline step 3), copied node by node without what can never
 * reach a reader and that no later step reads: `<link>`s, inline SVG (icons and sprites; the sanitizer
 * drops SVG anyway) and comments. Leaving them out while copying spares the copy and every later walk.
 * Scripts and styles stay until the detector has run (prune-for-scoring.ts): the detector's prose score
 * counts the text of blocks as a browser's `textContent` does, script text included.
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
