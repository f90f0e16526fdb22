import type { ExtractRule } from './types';
import { matchingLines, textAfter } from './dom-helpers';
import { removeLine } from './element-measures';

/**
 * The newsroom's credit line that closes a wire or news story: "Reporting by Jane Doe; Editing by John
 * Roe", "Additional reporting by …", "Jane Doe contributed reporting from Hong Kong.", "Associated Press
 * writers … contributed to this report." It says how the story was made, not what happened; the header
 * carries the byline. Only at the body's end: a sentence about reporting inside the story stays.
 */

const CREDIT =
  /^\(?\s*(?:(?:additional|further) )?(?:reporting|writing|editing|research) by\b|\bcontributed (?:reporting|research|to this (?:report|story|article))\b/iu;
/** A credit line names people; a longer paragraph is the story's. */
const MAX_CREDIT_CHARS = 320;
/** What may follow the credit line and still leave it at the body's end (another credit, a note). */
const MAX_TEXT_AFTER = 300;

export function isContributorLine(text: string): boolean {
  return text.length <= MAX_CREDIT_CHARS && CREDIT.test(text);
}

export const removeContributorLines: ExtractRule = {
  name: 'remove-contributor-lines',
  phase: 'clean',
  why: 'News stories end with the newsroom\'s credit line ("Reporting by X; Editing by Y", "Z contributed to this report"), which says who made the story, not what it tells.',
  apply({ root, record, measures }) {
    let removed = 0;
    const lines = matchingLines(root, MAX_CREDIT_CHARS, (text, element) => isContributorLine(text) && !element.closest('blockquote, q, li, td, pre'), measures);
    for (const line of lines) {
      if (textAfter(line, root, MAX_TEXT_AFTER) > MAX_TEXT_AFTER) continue;
      record?.(line, 'removed contributor line');
      removeLine(line, measures);
      removed++;
    }
    return removed;
  },
};
