import type { ExtractRule } from './types';
import { linkDensity, matchingLines } from './dom-helpers';
import { EMBED_LINK_ATTRIBUTE } from './embeds-to-links';
import { removeLine } from './element-measures';

/**
 * Labels that introduce a link to another story, in the languages seen most:
 * "Read more:", "Related:", "SEE ALSO:", "Also on example.com", "Leggi anche:", "Lesen Sie auch:".
 */
const TEASER_LABEL =
  /^[[(]?\s*(?:(?:read|see|watch|listen)(?: (?:more|also|next|this))?|related(?: stories| articles| content| coverage| reading| video)?|more(?: on| from| about)?(?: this(?: story)?)?|also(?: on| read| see)?|recommended|don'?t miss|must read|(?:you )?(?:may|might) also like|trending|leggi anche(?: su)?|lesen sie (?:auch|mehr)|lire aussi|à lire aussi|leia (?:também|mais)|veja também|lea también|ver también|baca juga|(?:also )?on [\w-]+(?:\.[\w-]+)+)\s*(?:[:|»›>–—-]|(?=\s*\S)(?<=\.\w+))/iu;

/** Headline-sized: a teaser names one story. */
const MAX_TEASER_CHARS = 200;
/** Share of a line's text inside links above which it is a link, not a sentence with one. */
const LINKED = 0.8;

/** A line that is a labelled pointer to another story ("Read more: …", "[Related: …]"). */
export function isLabelledTeaser(text: string): boolean {
  return text.length <= MAX_TEASER_CHARS && TEASER_LABEL.test(text);
}

/** A headline is one phrase: no full stop at its end or between sentences ("…today.Click To Tweet"). */
function readsAsHeadline(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 4 && words <= 24 && !/[.:]["'”’)]?$/.test(text) && !/\p{Ll}[.!?]["'”’]?\s*\p{L}/u.test(text);
}

/** A linked heading starts a section of a guide or a list ("Satechi 72W Car Charger"); a linked paragraph points away. */
const NOT_HEADINGS = /^(?:P|DIV|STRONG|B|A|SPAN|EM)$/;

function hasLink(element: Element): boolean {
  return element.tagName === 'A' || element.querySelector('a[href]') !== null;
}

/** Inside a link: a teaser card whose whole box is one link (label, headline and cover image in it). */
function inLink(element: Element): boolean {
  return element.parentElement?.closest('a[href]') != null;
}

export const removeInlineTeasers: ExtractRule = {
  name: 'remove-inline-teasers',
  phase: 'clean',
  why: 'Story templates put links to other stories between paragraphs ("Read more: …", "Related: …", or a paragraph that is nothing but another headline\'s link).',
  apply({ root, record, measures }) {
    let removed = 0;
    const lines = matchingLines(root, MAX_TEASER_CHARS, (text, element) => {
      if (element.closest(`li, td, th, blockquote, figcaption, [${EMBED_LINK_ATTRIBUTE}]`) || element.hasAttribute(EMBED_LINK_ATTRIBUTE)) return false;
      const enclosed = inLink(element);
      if (!enclosed && !hasLink(element)) return false;
      const linked = enclosed ? 1 : linkDensity(element);
      if (isLabelledTeaser(text)) return linked >= 0.3;
      return linked >= LINKED && readsAsHeadline(text) && NOT_HEADINGS.test(element.tagName);
    }, measures);
    for (const line of lines) {
      record?.(line, 'removed teaser');
      removeLine(line, measures);
      removed++;
    }
    return removed;
  },
};
