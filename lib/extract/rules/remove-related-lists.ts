import type { ExtractRule } from './types';
import { linkDensity, textLength } from './dom-helpers';

/** Headings that introduce lists of other stories, not part of this one. */
const RELATED_HEADING = /^(?:related(?: stories| articles| content| coverage| reading)?|more (?:from|on|stories|news|like this)|read (?:more|next|also)|(?:you )?(?:may|might) also like|recommended(?: for you)?|top stories|trending(?: now)?|most (?:read|popular|viewed)|don['’]?t miss|must read|our picks|editor'?s picks|see also|what to read next|latest news|also on)\b/i;

/** The heading plus the link-dense block(s) right after it. */
function removeSection(heading: Element, record?: (element: Element, action: string) => void): number {
  let removed = 0;
  let next = heading.nextElementSibling;
  while (next && !/^H[1-6]$/.test(next.tagName) && (linkDensity(next) > 0.5 || textLength(next) === 0)) {
    const following = next.nextElementSibling;
    record?.(next, 'removed related list');
    next.remove();
    removed++;
    next = following;
  }
  record?.(heading, 'removed related heading');
  heading.remove();
  return removed + 1;
}

export const removeRelatedLists: ExtractRule = {
  name: 'remove-related-lists',
  phase: 'clean',
  why: 'Article templates end with "Related stories" or "Read more" teaser lists that Readability keeps when they share the story\'s container.',
  apply({ root, record }) {
    let removed = 0;
    for (const heading of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6, p > strong:only-child, p > b:only-child'))) {
      const text = (heading.textContent ?? '').trim();
      if (text.length > 60 || !RELATED_HEADING.test(text)) continue;
      const block = heading.tagName === 'STRONG' || heading.tagName === 'B' ? heading.parentElement ?? heading : heading;
      removed += removeSection(block, record);
    }
    for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
      const items = Array.from(list.children);
      const allLinks = items.length >= 2 && items.every((item) => linkDensity(item) > 0.9);
      const previous = list.previousElementSibling;
      if (allLinks && previous && RELATED_HEADING.test((previous.textContent ?? '').trim())) {
        record?.(list, 'removed related list');
        list.remove();
        removed++;
      }
    }
    return removed;
  },
};
