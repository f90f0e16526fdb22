import { classWeight, hintName, isShareByName, isStandfirstByName } from './class-hints';
import { addText } from './text-count';
import { walkTree } from './tree-walk';

/**
 * Step 6 of choose-body.ts: blocks inside the chosen body that are not prose go, judged in one walk from
 * the innermost out (a block is judged on what is left of it once the junk inside it is gone): forms,
 * link-dense boxes and lists, image strips without text, layout tables, share bars, headings the page
 * names as furniture. Data tables, code and figures are never judged.
 */
interface BlockFigures {
  /** The block's local name, read once (each read is a DOM call). */
  tag: string;
  chars: number;
  linkChars: number;
  commas: number;
  paragraphs: number;
  images: number;
  listItems: number;
  listChars: number;
  headingChars: number;
  embeds: number;
  /** Text inside spans, list items, cells and blocks: the part of the text laid out as content. */
  textishChars: number;
}

/** Judged blocks: containers that hold a story's parts or the furniture around them. */
const JUDGED = new Set(['form', 'fieldset', 'table', 'ul', 'div']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EMBEDS = new Set(['iframe', 'embed', 'object']);
/** Where a block's content text sits; a block whose text sits in none of them holds only loose labels. */
const TEXTISH = new Set(['span', 'li', 'td', 'blockquote', 'dl', 'div', 'ol', 'p', 'pre', 'table', 'ul']);
/** So many commas mean prose, whatever else the block holds. */
const PROSE_COMMAS = 10;
/** A share bar is short: any longer and it holds more than buttons. */
const MAX_SHARE_BAR_CHARS = 500;
/** Lists are judged only when they are long and outnumber the paragraphs by this many items. */
const LIST_ITEM_ALLOWANCE = 100;
const STRONG_HINT = 25;
/** A wrapped paragraph that is more links than this is a link box, and is judged. */
const MAX_WRAPPED_LINK_SHARE = 0.25;
/** A block that says only "Advertisement" or "Loading…", in the languages pages label ad slots in. */
const PLACEHOLDER = /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|anuncio|(loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu;

function emptyFigures(tag: string): BlockFigures {
  return { tag, chars: 0, linkChars: 0, commas: 0, paragraphs: 0, images: 0, listItems: 0, listChars: 0, headingChars: 0, embeds: 0, textishChars: 0 };
}

/** Tables of data (headers, a caption, many cells) are kept whole; tables used for layout are judged. */
function isDataTable(table: Element): boolean {
  if (table.getAttribute('role') === 'presentation' || table.getAttribute('datatable') === '0') return false;
  if (table.hasAttribute('summary') || table.querySelector('caption, thead, tfoot, th, colgroup')) return true;
  if (table.querySelector('table')) return false;
  const rows = table.getElementsByTagName('tr').length;
  const cells = table.getElementsByTagName('td').length;
  return rows >= 10 || cells > 10 || (rows > 0 && cells / rows > 4);
}

function isImageList(list: Element): boolean {
  const items = Array.from(list.children);
  return items.length > 0 && items.every((item) => item.children.length === 1 && item.getElementsByTagName('img').length === 1 && !(item.textContent ?? '').trim());
}

/** So many sibling `<div>`s of one class make a story written in divs, one paragraph each. */
const MIN_DIV_PARAGRAPHS = 3;

/**
 * Whether a block whose text sits in no span or block of its own is a loose label (a date, a credit,
 * a gallery caption, "Advertisement") rather than a paragraph: pages that write their story as
 * `<div>` paragraphs give the divs one class (first in their class list: some carry a second), and there are many of them side by side.
 */
function firstClass(element: Element): string {
  return (element.getAttribute('class') ?? '').trim().split(/\s+/, 1)[0] ?? '';
}

/** An image's block holds at most this much text of its own (a credit, an alt-like label). */
const MAX_IMAGE_BLOCK_CHARS = 100;

/** A caption is a line or a few, without links. */
const MAX_CAPTION_CHARS = 300;

/**
 * A short text block without links right after a block that shows an image is that image's caption:
 * figures keep their captions, whatever the template names the block ("media-caption").
 */
function isImageCaption(element: Element): boolean {
  const before = element.previousElementSibling;
  if (!before) return false;
  const hasImage = before.localName === 'img' || before.localName === 'picture' || before.querySelector('img, picture') !== null;
  return hasImage && (before.textContent ?? '').trim().length <= MAX_IMAGE_BLOCK_CHARS;
}

class DivParagraphs {
  private readonly byParent = new Map<Element, Map<string, number>>();

  /**
   * Only `<div>`s are loose labels: a `<ul>` of bare text is an indented quote on old pages, not a label;
   * and a `<div>` of text inside a quotation is what is quoted.
   */
  isLooseLabel(element: Element): boolean {
    const parent = element.parentElement;
    if (!parent || element.localName !== 'div' || parent.closest('blockquote')) return false;
    let counts = this.byParent.get(parent);
    if (!counts) {
      counts = new Map();
      for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
        if (child.localName !== 'div') continue;
        const key = firstClass(child);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      this.byParent.set(parent, counts);
    }
    return (counts.get(firstClass(element)) ?? 0) < MIN_DIV_PARAGRAPHS;
  }
}

function isJunk(element: Element, own: BlockFigures, byName: boolean, paragraphs: DivParagraphs): boolean {
  if (isStandfirstByName(hintName(element))) return false;
  if (own.linkChars === 0 && own.chars <= MAX_CAPTION_CHARS && isImageCaption(element)) return false;
  // A block inside the story whose name says it is not story (share, related, widget…) goes.
  const weight = byName ? classWeight(element) : 0;
  if (weight < 0) return true;
  if (own.commas >= PROSE_COMMAS) return false;
  if (own.chars < 40 && PLACEHOLDER.test((element.textContent ?? '').replace(/\s+/g, ' ').trim())) return true;
  const tag = own.tag;
  const isList = tag === 'ul' || (own.chars > 0 && own.listChars / own.chars > 0.9);
  if (tag === 'ul' && isImageList(element)) return false;
  const linkDensity = own.chars > 0 ? own.linkChars / own.chars : 0;
  const headingDensity = own.chars > 0 ? own.headingChars / own.chars : 0;
  return (own.images > 1 && own.paragraphs / own.images < 0.5 && !element.closest('figure')) ||
    (!isList && own.listItems - LIST_ITEM_ALLOWANCE > own.paragraphs) ||
    (!isList && headingDensity < 0.9 && own.chars < 25 && (own.images === 0 || own.images > 2) && linkDensity > 0) ||
    (!isList && weight < STRONG_HINT && linkDensity > 0.2) ||
    (weight >= STRONG_HINT && linkDensity > 0.5) ||
    (own.embeds === 1 && own.chars < 75) || own.embeds > 1 ||
    (own.images === 0 && own.textishChars === 0 && paragraphs.isLooseLabel(element));
}

/** `<br><br>` ends a paragraph on pages that write their text as lines (blog engines, old templates). */
function followsBreak(br: Element): boolean {
  let previous = br.previousSibling;
  while (previous && previous.nodeType === 3 && !(previous.nodeValue ?? '').trim()) previous = previous.previousSibling;
  return previous !== null && previous.nodeType === 1 && (previous as Element).localName === 'br';
}

function add(into: BlockFigures, from: BlockFigures, element: Element): void {
  const tag = from.tag;
  into.chars += from.chars;
  into.commas += from.commas;
  into.linkChars += tag === 'a' ? from.chars : from.linkChars;
  into.paragraphs += from.paragraphs + (tag === 'p' ? 1 : 0) + (tag === 'br' && followsBreak(element) ? 1 : 0);
  into.images += from.images + (tag === 'img' ? 1 : 0);
  into.listItems += from.listItems + (tag === 'li' ? 1 : 0);
  into.listChars += tag === 'ul' || tag === 'ol' ? from.chars : from.listChars;
  into.headingChars += HEADINGS.has(tag) ? from.chars : from.headingChars;
  into.embeds += from.embeds + (EMBEDS.has(tag) ? 1 : 0);
  into.textishChars += TEXTISH.has(tag) ? from.chars : from.textishChars;
}

/**
 * A `<div>` around one paragraph and nothing else is that paragraph (templates wrap lead paragraphs in
 * boxes named "media" or "promo"): it is not judged by the box's name.
 */
function isParagraphWrapper(element: Element, own: BlockFigures, figures: Map<Element, BlockFigures>): boolean {
  if (own.tag !== 'div') return false;
  const only = element.firstElementChild;
  if (!only || only.localName !== 'p' || only.nextElementSibling) return false;
  const paragraph = figures.get(only);
  return paragraph !== undefined && paragraph.chars === own.chars && own.linkChars < MAX_WRAPPED_LINK_SHARE * own.chars;
}

/** The hearts and every element around them: the elements for which `element.contains(heart)` holds for some heart. */
function heartsAndAncestors(hearts: readonly Element[]): Set<Element> {
  const around = new Set<Element>();
  for (const heart of hearts) {
    for (let element: Element | null = heart; element && !around.has(element); element = element.parentElement) around.add(element);
  }
  return around;
}

/**
 * The junk blocks of `body`, outermost only, and the characters of text they hold. Nothing is removed
 * yet: the caller may judge again without name hints when these would leave too little.
 */
function findJunk(body: Element, hearts: readonly Element[], byName: boolean): { junk: Element[]; junkChars: number; chars: number } {
  const figures = new Map<Element, BlockFigures>();
  const junk: Element[] = [];
  const exempt = new Set<Element>();
  const paragraphs = new DivParagraphs();
  const aroundHearts = heartsAndAncestors(hearts);
  let exemptDepth = 0;
  let junkChars = 0;
  walkTree(body, {
    enter(element) {
      const tag = element.localName;
      figures.set(element, emptyFigures(tag));
      if (tag === 'pre' || tag === 'code' || (tag === 'table' && isDataTable(element))) {
        exempt.add(element);
        exemptDepth++;
      }
      return true;
    },
    text(node, parent) {
      const own = figures.get(parent);
      if (own) addText(own, node.data);
    },
    exit(element, parentElement) {
      const isKept = exemptDepth > 0;
      if (exempt.has(element)) exemptDepth--;
      const own = figures.get(element);
      if (!own || element === body) return;
      // Judged first, as few blocks are junk: the other two tests then run for those few only.
      const isJunkBlock = !isKept && judge(element, own, parentElement === body, byName, paragraphs) && !aroundHearts.has(element) && !isParagraphWrapper(element, own, figures);
      if (isJunkBlock) {
        junk.push(element);
        junkChars += own.chars;
        return;
      }
      const parent = parentElement ? figures.get(parentElement) : undefined;
      if (parent) add(parent, own, element);
    },
  });
  // Junk inside junk was never added to its parent: the sum counts each character once.
  return { junk, junkChars, chars: (figures.get(body)?.chars ?? 0) + junkChars };
}

/**
 * Removes the junk blocks from `body`; returns how many went. `hearts` are the best-scoring containers:
 * the blocks around them stay, whatever they look like (the story is what they are wrapped around). When judging by class and id names would
 * leave less than `minChars` of text (a template that names every block "widget"), blocks are judged
 * on their content alone; when even that leaves too little, nothing is removed.
 */
export function cleanBody(body: Element, hearts: readonly Element[], minChars: number): number {
  let found = findJunk(body, hearts, true);
  if (found.chars - found.junkChars < minChars) found = findJunk(body, hearts, false);
  if (found.chars - found.junkChars < minChars) return 0;
  for (const element of found.junk) element.remove();
  return found.junk.length;
}

function judge(element: Element, own: BlockFigures, isBodyChild: boolean, byName: boolean, paragraphs: DivParagraphs): boolean {
  const tag = own.tag;
  // Without attributes an element has no name to judge by (most of a story's elements have none).
  const named = byName && element.hasAttributes();
  if (named && (tag === 'h1' || tag === 'h2') && classWeight(element) < 0) return true;
  if (named && own.chars < MAX_SHARE_BAR_CHARS && !isBodyChild && isShareByName(hintName(element))) return true;
  return JUDGED.has(tag) && isJunk(element, own, byName, paragraphs);
}
