/**
 * The table of contents of an article: its headings in order, levels made relative (the highest level
 * present becomes 1), and which section a reading position falls in. Shown for long articles only.
 */
export interface TocEntry {
  /** The heading's id in the rendered article (given one if it had none). */
  id: string;
  level: number;
  text: string;
}

/** Fewer headings than this and a table of contents is noise. */
export const MIN_TOC_HEADINGS = 3;

export function buildTableOfContents(root: ParentNode, idPrefix = 'folio-toc-'): TocEntry[] {
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6')).filter((heading) => (heading.textContent ?? '').trim());
  const top = Math.min(...headings.map((heading) => Number(heading.tagName[1])));
  return headings.map((heading, i) => {
    // The sanitizer keeps (prefixed) ids; headings without one get ours, on the rendered copy only.
    if (!heading.id) heading.id = `${idPrefix}${i + 1}`;
    return { id: heading.id, level: Number(heading.tagName[1]) - top + 1, text: (heading.textContent ?? '').replace(/\s+/g, ' ').trim() };
  });
}

/**
 * The entry whose section holds the reading line: the last heading at or above it. `tops` are the
 * headings' distances from the top of the scroll area, in TOC order; null before the first heading.
 */
export function currentSectionIndex(tops: readonly number[], readingLine: number): number | null {
  let current: number | null = null;
  for (let i = 0; i < tops.length; i += 1) if (tops[i]! <= readingLine) current = i;
  return current;
}

/** A section with subsections (the next entry is deeper) can be folded in the contents panel. */
export function hasSubsections(entries: readonly TocEntry[], index: number): boolean {
  const entry = entries[index];
  return entry !== undefined && (entries[index + 1]?.level ?? 0) > entry.level;
}

/** The indexes of the entries shown when the sections named in `folded` are folded (their subsections hidden). */
export function visibleEntries(entries: readonly TocEntry[], folded: ReadonlySet<string>): number[] {
  const shown: number[] = [];
  let foldLevel: number | null = null;
  entries.forEach((entry, i) => {
    if (foldLevel !== null && entry.level > foldLevel) return;
    foldLevel = folded.has(entry.id) && hasSubsections(entries, i) ? entry.level : null;
    shown.push(i);
  });
  return shown;
}

/** The shown entry that stands for the current section: itself, or the folded section that holds it. */
export function shownCurrent(shown: readonly number[], current: number | null): number | null {
  if (current === null) return null;
  let best: number | null = null;
  for (const index of shown) if (index <= current) best = index;
  return best;
}
