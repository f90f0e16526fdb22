/**
 * Footnotes in sanitized article HTML: in-page links (the sanitizer rewrote `#x` to `#user-content-x`
 * and prefixed the ids to match) whose target looks like a note: a list item of an endnotes list, an
 * element marked as a footnote (role doc-footnote/doc-endnote, a fn/note/footnote id), reached from a
 * superscript or a doc-noteref link. Table-of-contents links to headings are not footnotes.
 */
export interface Footnote {
  reference: HTMLAnchorElement;
  note: Element;
}

const NOTE_ID = /(?:^|[-_:])(?:fn|footnote|endnote|note|ref)s?[-_:]?\w*/i;

function looksLikeNote(target: Element): boolean {
  if (/^H[1-6]$/.test(target.tagName)) return false;
  const role = target.getAttribute('role') ?? '';
  if (/doc-(?:foot|end)note/.test(role)) return true;
  if (target.tagName === 'LI' && target.parentElement?.tagName === 'OL') return true;
  return NOTE_ID.test(target.id.replace(/^user-content-/, ''));
}

function looksLikeReference(link: HTMLAnchorElement): boolean {
  if ((link.getAttribute('role') ?? '').includes('doc-noteref')) return true;
  if (link.closest('sup')) return true;
  return /^\[?\d{1,3}\]?$|^[*†‡§]$/.test((link.textContent ?? '').trim());
}

export function findFootnotes(root: ParentNode & Node): Footnote[] {
  const found: Footnote[] = [];
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))) {
    const id = decodeURIComponent(link.getAttribute('href')!.slice(1));
    if (!id) continue;
    const note = findById(root, id);
    if (!note || note.contains(link) || !looksLikeNote(note) || !looksLikeReference(link)) continue;
    found.push({ reference: link, note });
  }
  return found;
}

function findById(root: ParentNode, id: string): Element | null {
  for (const element of Array.from(root.querySelectorAll('[id]'))) if (element.id === id) return element;
  return null;
}

/**
 * A copy of a note's content for a popover: DOM nodes cloned from the sanitized article (no HTML is
 * re-parsed), without the "back to text" links that make no sense outside the note list.
 */
export function cloneNoteContent(note: Element): DocumentFragment {
  const fragment = note.ownerDocument.createDocumentFragment();
  for (const child of Array.from(note.childNodes)) fragment.append(child.cloneNode(true));
  for (const back of Array.from(fragment.querySelectorAll('a[href^="#"]'))) {
    const text = (back.textContent ?? '').trim();
    if (back.getAttribute('role')?.includes('doc-backlink') || /^[↩↑^]|^back$/i.test(text)) back.remove();
  }
  for (const element of Array.from(fragment.querySelectorAll('[id]'))) element.removeAttribute('id');
  return fragment;
}
