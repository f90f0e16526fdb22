/** Small DOM measurements the rules share. */

export function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

const TEXT_NODE = 3;

/** The characters `\s` matches, by code. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * `textLength(element)` when that is at most `limit`, else some number above `limit`, found without
 * reading more text than it needs: a rule that only looks at short blocks then costs little on the
 * page-sized containers it passes over (reading their whole text, for each of them, dominated extraction).
 */
export function textLengthUpTo(element: Element, limit: number): number {
  let length = 0;
  let space = false;
  let node: Node | null = element.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      const text = (node as Text).data;
      for (let i = 0; i < text.length; i++) {
        if (isSpace(text.charCodeAt(i))) {
          space = length > 0;
        } else {
          length += space ? 2 : 1;
          space = false;
          if (length > limit) return length;
        }
      }
    }
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== element && !node.nextSibling) node = node.parentNode;
    node = node && node !== element ? node.nextSibling : null;
  }
  return length;
}

/** Share of the element's text that sits inside links (menus and teaser lists are mostly links). */
export function linkDensity(element: Element): number {
  const total = textLength(element);
  if (total === 0) return 0;
  let linked = 0;
  for (const link of Array.from(element.getElementsByTagName('a'))) linked += textLength(link);
  return linked / total;
}

/** True when the element holds story text: paragraphs of prose, not a menu or a button row. */
export function holdsProse(element: Element, minimumChars = 200): boolean {
  let prose = 0;
  for (const paragraph of Array.from(element.getElementsByTagName('p'))) {
    const length = textLength(paragraph);
    if (length >= 60) prose += length;
  }
  if (prose === 0 && element.tagName === 'P') prose = textLength(element);
  return prose >= minimumChars && linkDensity(element) < 0.35;
}

/** `class` and `id` together, lower-cased: the usual hint of what a block is for. */
export function classAndId(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase();
}
