/** Small DOM measurements the rules share. */
import { blockTextAsLine } from '../text';
import { lowerBound } from '../../sorted-search';

export function textLength(element: Element): number {
  return squashedLength(element.textContent ?? '');
}

const TEXT_NODE = 3;

/** The characters `\s` matches, by code. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** A squashed length being counted: the characters so far, and whether whitespace came after them. */
interface SquashedCount {
  length: number;
  space: boolean;
}

/**
 * Adds `text` to `count` as `text.replace(/\s+/g, ' ').trim()` would have it (every character that is not
 * whitespace, and one for each run of whitespace between two of them), stopping once past `limit`.
 */
function addSquashed(count: SquashedCount, text: string, limit: number): void {
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      count.space = count.length > 0;
    } else {
      count.length += count.space ? 2 : 1;
      count.space = false;
      if (count.length > limit) return;
    }
  }
}

/** `text.replace(/\s+/g, ' ').trim().length`, counted without building the squashed copy. */
export function squashedLength(text: string): number {
  const count = { length: 0, space: false };
  addSquashed(count, text, Infinity);
  return count.length;
}

/** `text.replace(/\s+/g, ' ').trim().split(' ')` 's length for a text with words (0 without): its runs of non-whitespace. */
export function squashedWordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * `textLength(element)` when that is at most `limit`, else some number above `limit`, found without
 * reading more text than it needs: a rule that only looks at short blocks then costs little on the
 * page-sized containers it passes over (reading their whole text, for each of them, dominated extraction).
 */
export function textLengthUpTo(element: Element, limit: number): number {
  const count = { length: 0, space: false };
  let node: Node | null = element.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      addSquashed(count, (node as Text).data, limit);
      if (count.length > limit) return count.length;
    }
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== element && !node.nextSibling) node = node.parentNode;
    node = node && node !== element ? node.nextSibling : null;
  }
  return count.length;
}

/** NodeFilter's SHOW_TEXT | SHOW_CDATA_SECTION: the nodes whose data is an element's textContent. */
const SHOW_TEXT_AND_CDATA = 0x4 | 0x8;

/** Elements whose text is code, not words shown: a page's scripts and style sheets. */
const CODE_TEXT = 'script, style';

/**
 * The descendants of `root` whose local name is in `tags`, in document order, less the elements whose
 * `textContent` cannot match any pattern that needs a match of `words` in it: one read of the text under
 * `root` and one scan of it with `words` find every place a match of it starts, and an element keeps its
 * place in the list only when one starts inside its text. Sound because an element's textContent is a
 * contiguous stretch of its ancestors' and `words` looks at nothing around its match (global; no
 * anchors, `\b` or lookaround): a match in the element's text is a match in root's at the same place.
 * Scripts' and style sheets' text (most of a page's characters) is left out of the scan, and every
 * element holding some is kept as it is. A rule that tests every short block's text with `\bwords\b`
 * then reads only the few that may pass, instead of every block's text.
 * The text is read with the document's own TreeWalker over text nodes (one call per text node, where a
 * walk over every node through child and sibling links costs several): in a browser this was most of
 * the rule's time (when root's whole text holds no match, nothing is walked). The elements are the
 * ancestors of the text nodes where a match starts (or that hold code), found upward from each; taken
 * in document order of those text nodes, outermost first, they come out in document order (an ancestor
 * of a later text node that no earlier one shares starts after it).
 */
export function descendantsByTagWithWords(root: Element, tags: ReadonlySet<string>, words: RegExp): Element[] {
  // No match anywhere in root's text (code included), none in any element's: nothing to find, known from
  // one string the browser puts together, without reading each text node from script.
  words.lastIndex = 0;
  if (!words.test(root.textContent ?? '')) return [];
  const codeText = new Set<Node>();
  for (const code of Array.from(root.querySelectorAll(CODE_TEXT))) {
    for (let child = code.firstChild; child; child = child.nextSibling) codeText.add(child);
  }
  /** Every text node, in document order; the scanned ones (not code) with where their text starts. */
  const textNodes: Node[] = [];
  const scanned: number[] = [];
  const scannedStarts: number[] = [];
  /** The code text nodes that are not empty: their elements are kept unread. */
  const codeNodes: number[] = [];
  const pieces: string[] = [];
  let offset = 0;
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT_AND_CDATA);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    if (codeText.has(node)) {
      if (text) codeNodes.push(textNodes.length);
    } else {
      scanned.push(textNodes.length);
      scannedStarts.push(offset);
      pieces.push(text);
      offset += text.length;
    }
    textNodes.push(node);
  }
  // The text node a match starts in is the last one whose text starts at or before it.
  const matched: number[] = [];
  for (const start of wordStarts(pieces.join(''), words)) {
    const node = scanned[lowerBound(scannedStarts, start + 1) - 1]!;
    if (matched[matched.length - 1] !== node) matched.push(node);
  }
  const found: Element[] = [];
  const seen = new Set<Element>();
  for (const index of mergeAscending(matched, codeNodes)) {
    // Upward to the first element already found: every one around it was found with it.
    const fresh: Element[] = [];
    for (let element = textNodes[index]!.parentElement; element && element !== root && !seen.has(element); element = element.parentElement) {
      seen.add(element);
      if (tags.has(element.localName)) fresh.push(element);
    }
    found.push(...fresh.reverse());
  }
  return found;
}

/** The values of two ascending lists, ascending. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}

/** Every index of `text` where a match of `words` (a global pattern) starts, in order. */
function wordStarts(text: string, words: RegExp): number[] {
  const found: number[] = [];
  words.lastIndex = 0;
  for (let match = words.exec(text); match; match = words.exec(text)) {
    found.push(match.index);
    words.lastIndex = match.index + 1;
  }
  return found;
}

/**
 * The element after `node` in document order, inside `root` (null after its last descendant): the step
 * of holdsKeptContent's walk. It follows child, sibling and parent links, which a `<form>`'s named
 * controls can shadow in a browser (`<input name="nextElementSibling">`): clean rules only (see there).
 */
function nextElementWithin(node: Element, root: Element): Element | null {
  if (node.firstElementChild) return node.firstElementChild;
  let current: Element | null = node;
  while (current && current !== root && !current.nextElementSibling) current = current.parentElement;
  return current && current !== root ? current.nextElementSibling : null;
}

/**
 * Characters of text that follow `element` inside `root` (in elements after it or after its ancestors),
 * read only up to just past `limit`: how a rule tells that an element closes the body.
 */
export function textAfter(element: Element, root: Element, limit: number): number {
  let total = 0;
  for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
      total += textLengthUpTo(next, limit);
      if (total > limit) return total;
    }
  }
  return total;
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

/** Tags a reader sees as a line of their own. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'LI', 'P', 'SECTION', 'TABLE', 'UL', 'OL',
]);

export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.tagName.toUpperCase());
}

/** The nearest sibling on one side that is not whitespace, or null at the parent's edge. */
function nearestSibling(node: Node, forward: boolean): Node | null {
  let sibling = forward ? node.nextSibling : node.previousSibling;
  while (sibling && sibling.nodeType !== 1 && !(sibling.nodeType === 3 && (sibling.textContent ?? '').trim())) {
    sibling = forward ? sibling.nextSibling : sibling.previousSibling;
  }
  return sibling;
}

function endsLine(node: Node | null): boolean {
  return node === null || (node.nodeType === 1 && (isBlock(node as Element) || (node as Element).tagName === 'BR'));
}

/**
 * An inline element with a `<br>` on one side and a `<br>`, a block or its parent's edge on the other is
 * a line of its own, whatever text the other lines beside it hold (pages that write lines with `<br>`).
 */
function setOffByBreaks(element: Element): boolean {
  const before = nearestSibling(element, false);
  const after = nearestSibling(element, true);
  const isBreak = (node: Node | null) => node !== null && node.nodeType === 1 && (node as Element).tagName === 'BR';
  return (isBreak(before) || isBreak(after)) && endsLine(before) && endsLine(after);
}

/**
 * True when the element shows as a line of its own: a block, or an inline element with nothing but
 * blocks, line breaks or whitespace beside it (so removing it never cuts a sentence in two).
 */
export function standsAlone(element: Element): boolean {
  if (isBlock(element)) return true;
  const parent = element.parentElement;
  if (!parent) return false;
  if (setOffByBreaks(element)) return isBlock(parent) || parent.tagName === 'BODY' || standsAlone(parent);
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node === element) continue;
    if (node.nodeType === 3 && (node.textContent ?? '').trim()) return false;
    if (node.nodeType === 1 && !isBlock(node as Element) && (node as Element).tagName !== 'BR' && textLengthUpTo(node as Element, 0) > 0) return false;
  }
  // Alone inside a link or an emphasis, it is still only as alone as that inline parent.
  return isBlock(parent) || parent.tagName === 'BODY' || standsAlone(parent);
}

/** Caption markup: a figure's own caption, or a block the page's template calls a caption. */
export const CAPTION = 'figcaption, [class*="caption" i]';

/** Media, code and quotations: a line rule never removes them with the text around them. */
export const KEEP_INSIDE = 'img, picture, figure, video, audio, iframe, pre, code, table, math, svg, blockquote';
const KEEP_INSIDE_TAGS = new Set(KEEP_INSIDE.split(', '));

/**
 * `element.querySelector(KEEP_INSIDE) !== null`, as one walk over its descendants: called for every
 * short block of the body, where compiling the selector each time cost more than the walk. Clean
 * rules only: the body then holds no `<form>` whose named controls could shadow the links it follows.
 */
export function holdsKeptContent(element: Element): boolean {
  for (let node = element.firstElementChild; node; node = nextElementWithin(node, element)) {
    if (KEEP_INSIDE_TAGS.has(node.localName)) return true;
  }
  return false;
}

/**
 * The measurements findElements takes of each element: by default taken afresh; a rule of the clean
 * phase passes the run's ElementMeasures (element-measures.ts), which keeps them from rule to rule.
 */
export interface Measures {
  lengthUpTo(element: Element, limit: number): number;
  lineText(element: Element): string;
  holdsKeptContent(element: Element): boolean;
  standsAlone(element: Element): boolean;
}

const MEASURED_AFRESH: Measures = { lengthUpTo: textLengthUpTo, lineText, holdsKeptContent, standsAlone };

/** The run's measures when a rule has them (the clean phase), else measures taken afresh. */
export function measuresOr(measures: Measures | undefined): Measures {
  return measures ?? MEASURED_AFRESH;
}

/**
 * The outermost elements of `root` that `accepts` takes, each of at most `maxChars` characters and
 * holding no media or code; the walk does not look inside an element it took. Each element's text is
 * read only up to `maxChars` (textLengthUpTo): the containers the walk passes through hold the whole story.
 * `eligible`, when given, is asked first, before the element's text is put together for `accepts`.
 */
export function findElements(
  root: Element,
  maxChars: number,
  accepts: (text: string, element: Element) => boolean,
  eligible?: (element: Element) => boolean,
  measures: Measures = MEASURED_AFRESH,
): Element[] {
  const found: Element[] = [];
  const visit = (element: Element) => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      const length = measures.lengthUpTo(child, maxChars);
      if (length === 0) continue;
      if (length <= maxChars && !measures.holdsKeptContent(child) && (!eligible || eligible(child)) && accepts(measures.lineText(child), child)) {
        found.push(child);
        continue;
      }
      visit(child);
    }
  };
  visit(root);
  return found;
}

/**
 * Like findElements, for lines only: blocks, or inline elements standing alone (see standsAlone). Asked
 * before the text is read: the links and emphases inside every paragraph are short, and never lines.
 */
export function matchingLines(
  root: Element,
  maxChars: number,
  matches: (text: string, element: Element) => boolean,
  measures: Measures = MEASURED_AFRESH,
): Element[] {
  return findElements(root, maxChars, matches, (element) => measures.standsAlone(element), measures);
}

/** The element's text as one line (its blocks joined by spaces, not glued together). */
export function lineText(element: Element): string {
  return blockTextAsLine(element);
}
