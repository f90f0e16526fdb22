/**
 * The user's selection as a Range, also inside a shadow root (the overlay): document.getSelection()
 * there reports the shadow host, so ask the shadow root (Chrome's getSelection) or, where supported,
 * the selection's composed ranges.
 */
export function selectionRangeWithin(container: Node): Range | StaticRange | null {
  const root = container.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  const ownerDocument = container.ownerDocument;
  if (!ownerDocument) return null;
  const isShadow = root !== ownerDocument && 'host' in root;
  const shadowSelection = isShadow && typeof root.getSelection === 'function' ? root.getSelection() : null;
  if (shadowSelection && shadowSelection.rangeCount > 0) return within(container, shadowSelection.getRangeAt(0));
  const selection = ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  if (isShadow && typeof (selection as Partial<Selection>).getComposedRanges === 'function') {
    const [range] = selection.getComposedRanges({ shadowRoots: [root as ShadowRoot] });
    return range ? within(container, range) : null;
  }
  return within(container, selection.getRangeAt(0));
}

function within<T extends AbstractRange>(container: Node, range: T): T | null {
  if (range.collapsed) return null;
  return container.contains(range.startContainer) && container.contains(range.endContainer) ? range : null;
}

/** Clears the selection wherever it is (document or shadow root). */
export function clearSelectionWithin(container: Node): void {
  const root = container.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  (typeof root.getSelection === 'function' ? root.getSelection() : container.ownerDocument?.getSelection())?.removeAllRanges();
}
