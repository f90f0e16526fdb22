/**
 * One walk over an element's subtree, in document order, without recursion (a hostile page may nest
 * deeply): `enter` before an element's children (returning false passes over the element and everything
 * inside it), `text` for each text node, `exit` after its children. The body chooser's single measuring
 * pass and its cleaning pass are both one such walk.
 */
export interface TreeVisitor {
  enter(element: Element): boolean;
  text(node: Text, parent: Element): void;
  exit(element: Element): void;
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
      visitor.exit(node as Element);
    }
    // On to the next sibling, closing every element whose last child this was.
    while (!node.nextSibling) {
      visitor.exit(parent);
      if (parent === root) return;
      node = parent;
      parent = parent.parentNode as Element;
    }
    node = node.nextSibling;
  }
  visitor.exit(root);
}
