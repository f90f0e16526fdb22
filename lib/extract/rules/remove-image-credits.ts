import type { ExtractRule } from './types';
import { findElements, standsAlone } from './dom-helpers';
import { removeLine } from './element-measures';

const PICTURE = '(?:image|photo|photograph|picture|pic|foto|bild|illustration|crédito)';
/** "Photo: …", "Image copyright …", "Photo by …", "(Image: GETTY)", "© Jane Doe", "Credit: Getty - Contributor". */
const CREDIT_LABEL = new RegExp(
  `^\\(?\\s*(?:${PICTURE}\\s*(?:credit|copyright|courtesy(?: of)?|source)\\b\\s*[:©/|]?|${PICTURE}\\s*[:©/|]|(?:photo|photograph|picture|illustration)\\s+by\\s|(?:credits?|copyright|courtesy(?: of)?|source)\\s*[:©]|©|ⓒ|\\(c\\)\\s)`,
  'iu',
);

/** Photo agencies and the words that follow them in a credit ("AP file", "Getty Images for X"). */
const AGENCY =
  /(?:^|[\s/|,;(–-])(?:getty(?: images)?|ap(?: photo)?|associated press|reuters|afp|epa(?:-efe)?|efe|shutterstock|alamy|istock(?:photo)?|bloomberg|pa(?: images| wire| media)?|xinhua|rex(?: features)?|corbis|nurphoto|sopa images|lightrocket|anadolu(?: agency)?|dpa|ansa|imago|sipa|tass|zuma(?: press)?|handout|supplied)(?:\s+(?:file|photo|images?|via \S+ \S+|for [\p{L} ]+))?\s*\)?$/iu;

/** A credit is a name or two, never a sentence. */
const MAX_CREDIT_CHARS = 90;
const MAX_AGENCY_LINE_CHARS = 60;

function isSentence(text: string): boolean {
  // A full stop between words ("He said. Then…"), not an initial ("J. Scott") or an abbreviation ("Corp.").
  return /\p{Ll}{3,}[.!?]\s+\p{Lu}/u.test(text) || text.split(/\s+/).length > 14;
}

/** Words that may join names in a credit line ("Jane Doe and John Roe for Reuters", "Museum of X"). */
const JOINING_WORDS = new Set(['and', 'of', 'for', 'via', 'the', 'de', 'von', 'van', 'da', 'del', 'file', 'photo', 'images', 'contributor', 'staff']);
/** At most this many words after a credit label: a name or two, an agency. */
const MAX_CREDIT_WORDS = 8;

/** Names only: every word capitalised (or an initial, or a joining word), as in "Kathrin Ziegler / Getty". */
function isNames(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’.-]*/gu) ?? [];
  return words.length > 0 && words.every((word) => /^\p{Lu}/u.test(word) || JOINING_WORDS.has(word.toLowerCase()));
}

/** "Photo: Hau Dinh, AP" or "Alex Wong | Getty Images": a line that only says who made the picture. */
export function isCreditText(text: string): boolean {
  if (text.length > MAX_CREDIT_CHARS || isSentence(text)) return false;
  const label = text.match(CREDIT_LABEL);
  if (label) return text.slice(label[0].length).split(/\s+/).filter(Boolean).length <= MAX_CREDIT_WORDS;
  return text.length <= MAX_AGENCY_LINE_CHARS && AGENCY.test(text) && isNames(text.replace(/[()]/g, ''));
}

/** Where a credit can sit without being part of a sentence: its own line, a caption, or "(Image: X)" at a caption's end. */
function sitsApart(element: Element, text: string): boolean {
  if (standsAlone(element) || element.closest('figure, figcaption, picture')) return true;
  return text.startsWith('(') && text.endsWith(')') && element.nextSibling === null;
}

export const removeImageCredits: ExtractRule = {
  name: 'remove-image-credits',
  phase: 'clean',
  why: 'Photo credits ("Photo: Jane Doe / AP", "Credit: Getty Images", "(Image: GETTY)") name who took a picture, not the story, and read as noise once the picture is small or gone.',
  apply({ root, record, measures }) {
    let removed = 0;
    for (const credit of findElements(root, MAX_CREDIT_CHARS, (text, element) => isCreditText(text) && sitsApart(element, text), undefined, measures)) {
      record?.(credit, 'removed image credit');
      removeLine(credit, measures);
      removed++;
    }
    return removed;
  },
};
