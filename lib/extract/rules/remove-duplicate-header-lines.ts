import type { ExtractRule } from './types';

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/^by\s+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export const removeDuplicateHeaderLines: ExtractRule = {
  name: 'remove-duplicate-header-lines',
  phase: 'clean',
  why: 'The overlay prints the headline, byline and publication itself; the same lines at the top of the body would show twice.',
  apply({ root, metadata, record }) {
    const repeated = new Set([metadata.title, metadata.byline, metadata.siteName].map(normalise).filter(Boolean));
    let removed = 0;
    // Only the first few blocks: a name repeated later in the story is part of it.
    const leading = Array.from(root.querySelectorAll('h1, h2, h3, p, div, span, a')).slice(0, 12);
    for (const element of leading) {
      if (!root.contains(element) || element.querySelector('img, picture, figure')) continue;
      if (repeated.has(normalise(element.textContent))) {
        record?.(element, 'removed repeated header line');
        element.remove();
        removed++;
      }
    }
    return removed;
  },
};
