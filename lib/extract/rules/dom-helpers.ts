/** Small DOM measurements the rules share. */

export function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim().length;
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
