/**
 * One walk over an element's subtree, in document order, without recursion (a hostile page may nest
 * deeply): `enter` before an element's children (returning false passes over the element and everything
 * inside it), `text` for each text node, `exit` after its children, with the element's parent in the walk
 * (null for the root: the walk already holds it, where asking the DOM again costs a call per element). The
 * body chooser's single measuring pass and its cleaning pass are both one such walk.
 */
export interface TreeVisitor {
  enter(element: Element): boolean;
  text(node: Text, parent: Element): void;
  exit(element: Element, parent: Element | null): void;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function walkTree(root: Element, visitor: TreeVisitor): void {
  if (!visitor.enter(root)) return;
  let node: Node | null = root.firstChild;
  let parent: Element = root;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) visitor.text(node as Text, parent);
    else if (node.nodeType === ELEMENT_NODE) descend = visitor.enter(node as Element);
    if (descend) {
      if (node.firstChild) {
        parent = node as Element;
        node = node.firstChild;
        continue;
      }
      visitor.exit(node as Element, parent);
    }
    // On to the next sibling, closing every element whose last child this was.
    while (!node.nextSibling) {
      if (parent === root) {
        visitor.exit(root, null);
        return;
      }
      const closed = parent;
      parent = closed.parentNode as Element;
      visitor.exit(closed, parent);
      node = closed;
    }
    node = node.nextSibling;
  }
  visitor.exit(root, null);
}
