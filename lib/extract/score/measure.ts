import { hintName, isBylineByName, isUnlikelyByName } from './class-hints';
import { addText } from './text-count';
import { walkTree } from './tree-walk';

/**
 * The body chooser's one measuring pass (step 1 of choose-body.ts): every element's text, link text and
 * commas, summed bottom-up as the walk closes each element, so no element's text is read twice. Elements
 * that cannot be story are passed over (and left out of every figure): hidden ones, page regions whose
 * name says they are not the story (unless `keepUnlikely`), and the first short author line, which
 * becomes the byline.
 */
export interface ElementStats {
  /** The element's local name, read once (each read is a DOM call). */
  tag: string;
  chars: number;
  linkChars: number;
  commas: number;
  /** Text directly in the element or in its inline children: prose not wrapped in a block. */
  looseChars: number;
  looseCommas: number;
  hasBlockChild: boolean;
}

export interface Measured {
  stats: Map<Element, ElementStats>;
  /** Elements passed over, outermost only: removed from the body once it is chosen. */
  skipped: Set<Element>;
  byline: string | null;
  /** Closed elements in document order (children before their parent): what scoring reads. */
  order: Element[];
}

/** Children that make their parent a container rather than a paragraph. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);

/** Landmark roles of what surrounds a story: menus, complementary boxes, alerts and dialogs. */
const NON_STORY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
/** Inside these, class names describe data or code, not page regions. */
const NAME_BLIND = new Set(['table', 'code', 'pre']);
/** Never read as text: the JSON-LD scripts the prune step keeps, and anything like them. */
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const MAX_BYLINE_CHARS = 100;

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  // Some pages hide an image's fallback from screen readers only: it stays.
  return element.getAttribute('aria-hidden') === 'true' && !(element.getAttribute('class') ?? '').includes('fallback-image');
}

function bylineText(element: Element): string | null {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 0 && text.length < MAX_BYLINE_CHARS ? text : null;
}

function emptyStats(tag: string): ElementStats {
  return { tag, chars: 0, linkChars: 0, commas: 0, looseChars: 0, looseCommas: 0, hasBlockChild: false };
}

export function measure(root: Element, options: { keepUnlikely: boolean }): Measured {
  const stats = new Map<Element, ElementStats>();
  const skipped = new Set<Element>();
  const order: Element[] = [];
  let byline: string | null = null;
  let nameBlindDepth = 0;
  // A page gives its many blocks few names: each name's verdict is worked out once.
  const unlikelyByName = new Map<string, boolean>();
  const isUnlikely = (name: string): boolean => {
    let unlikely = unlikelyByName.get(name);
    if (unlikely === undefined) {
      unlikely = isUnlikelyByName(name);
      unlikelyByName.set(name, unlikely);
    }
    return unlikely;
  };

  const passOver = (element: Element, tag: string): boolean => {
    if (element === root) return false;
    if (NOT_TEXT.has(tag)) return true;
    // No attribute, no hint (role, hidden, name, rel, itemprop): one call instead of a read of each.
    if (!element.hasAttributes()) return false;
    const role = element.getAttribute('role');
    if (isHidden(element) || (role !== null && NON_STORY_ROLES.has(role))) return true;
    if (tag === 'a' || nameBlindDepth > 0) return false;
    const name = hintName(element);
    if (name.length < 2 && !element.hasAttribute('rel') && !element.hasAttribute('itemprop')) return false;
    if (byline === null && isBylineByName(element, name)) {
      byline = bylineText(element);
      if (byline !== null) return true;
    }
    return !options.keepUnlikely && isUnlikely(name);
  };

  walkTree(root, {
    enter(element) {
      const tag = element.localName;
      if (passOver(element, tag)) {
        skipped.add(element);
        return false;
      }
      stats.set(element, emptyStats(tag));
      if (NAME_BLIND.has(tag)) nameBlindDepth++;
      return true;
    },
    text(node, parent) {
      const own = stats.get(parent);
      if (!own) return;
      const { chars, commas } = addText(own, node.data);
      own.looseChars += chars;
      own.looseCommas += commas;
    },
    exit(element, parentElement) {
      order.push(element);
      const own = stats.get(element);
      if (!own) return;
      if (NAME_BLIND.has(own.tag)) nameBlindDepth--;
      const parent = parentElement ? stats.get(parentElement) : undefined;
      if (!parent) return;
      parent.chars += own.chars;
      parent.commas += own.commas;
      parent.linkChars += own.tag === 'a' ? own.chars : own.linkChars;
      if (BLOCK_TAGS.has(own.tag)) {
        parent.hasBlockChild = true;
      } else {
        parent.looseChars += own.chars;
        parent.looseCommas += own.commas;
      }
    },
  });
  return { stats, skipped, byline, order };
}

export function linkDensityOf(stats: ElementStats): number {
  return stats.chars > 0 ? stats.linkChars / stats.chars : 0;
}
