import type { ExtractRule } from './types';
import { matchingLines } from './dom-helpers';
import { removeLine } from './element-measures';

const SOCIAL = '(?:twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon|flipboard|pinterest)';

/** How a page asks readers to reach or follow its writers. */
const CONTACT_SIGNS: readonly RegExp[] = [
  // an email address
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}/u,
  // "Follow her on Twitter", "Follow us on Facebook", "follow him @handle"
  new RegExp(`\\bfollow\\b[^.!?]{0,60}\\b(?:on|at|via)\\s+${SOCIAL}\\b`, 'iu'),
  /\bfollow\b[^.!?]{0,40}\s@\w{2,}/iu,
  // a social profile written out
  /\b(?:twitter|x|facebook|instagram)\.com\/\w+/iu,
  // the ways templates say it
  /\b(?:email|e-mail|contact|write to|reach)\s+(?:the\s+)?(?:author|reporter|writer|editor)s?\b/iu,
  /\b(?:may|can) be reached at\b/iu,
  /\bauthor(?:'s)? (?:archive|page|profile)\b/iu,
  /\b(?:have|got) a (?:news )?tip\b/iu,
  /\blet us know at\b/iu,
];

/**
 * What every sign above holds (its `@`, its `.com/`, or one of its words), tested with the same flags:
 * most lines hold none, and one test then spares them nine.
 */
const CONTACT_HINT = /@|\.com\/|follow|author|reporter|writer|editor|reach|tip|let us know/iu;

/** Contact lines are short; a long paragraph that mentions an address is the story's. */
const MAX_CONTACT_CHARS = 320;

/** True for a short line whose point is how to reach or follow the writer or the publication. */
export function isContactLine(text: string): boolean {
  return text.length <= MAX_CONTACT_CHARS && CONTACT_HINT.test(text) && CONTACT_SIGNS.some((sign) => sign.test(text));
}

export const removeContactLines: ExtractRule = {
  name: 'remove-contact-lines',
  phase: 'clean',
  why: 'Lines that tell readers how to reach or follow the writer ("Email the author", "Follow her on Twitter @x", "Write to Jane at jane@example.com") belong to the page template, not the story.',
  apply({ root, record, measures }) {
    let removed = 0;
    // Quotations keep their handles: an embedded post or a quoted letter is part of the story.
    const lines = matchingLines(root, MAX_CONTACT_CHARS, (text, element) => isContactLine(text) && !element.closest('blockquote, q, pre, code'), measures);
    for (const line of lines) {
      record?.(line, 'removed contact line');
      removeLine(line, measures);
      removed++;
    }
    return removed;
  },
};
