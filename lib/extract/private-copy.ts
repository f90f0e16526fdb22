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
/**
 * A copy of `doc` that shares nothing with it: changing the copy never changes the page. The browser's
 * own deep clone, then stripped: cloning node by node in script, to leave the stripped nodes out, cost
 * 1.2 times as much (same-page A/B over 181 pages). The clone is a document without a browsing context:
 * nothing in it runs, loads or upgrades.
 */
export function privateCopy(doc: Document): Document {
  return stripInPlace(doc.cloneNode(true) as Document);
}

/** NodeFilter's SHOW_COMMENT. */
const SHOW_COMMENT = 0x80;

/**
 * Removes from `doc` itself what `privateCopy` leaves out, and returns it: the same document the copy
 * would be, for a caller that owns `doc` and discards it after extraction. The elements are found by
 * tag name and the comments by the document's own TreeWalker, so script touches only what goes: in a
 * browser, the first script access to a node is what costs, and the regions removed next
 * (prune-for-scoring.ts) are then never touched at all. (linkedom's walks are script: 1.8x the time of
 * one walk of its own there, about 0.5 ms a page.)
 */
export function stripInPlace(doc: Document): Document {
  const leftOut: Node[] = [];
  for (const tag of NEVER_READ) leftOut.push(...Array.from(doc.getElementsByTagName(tag)));
  const comments = doc.createTreeWalker(doc, SHOW_COMMENT);
  for (let comment = comments.nextNode(); comment; comment = comments.nextNode()) leftOut.push(comment);
  // Removed only once found: a live collection or a walker would lose its place as nodes go.
  for (const node of leftOut) node.parentNode?.removeChild(node);
  return doc;
}
