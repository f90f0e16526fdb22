/**
 * Highlights and notes as the reader keeps them, and the small interface through which they are kept:
 * in memory for an article that is not saved, in the library's highlights store for a saved one.
 */
import type { TextPosition, TextQuoteSelector } from './anchor';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface Highlight {
  id: string;
  selector: TextQuoteSelector;
  position: TextPosition;
  color: HighlightColor;
  note: string;
  createdAt: number;
  updatedAt: number;
}

export type HighlightResult = { ok: true } | { ok: false; detail: string };

/** Where one article's highlights live. Implementations never throw; failures come back as results. */
export interface HighlightAdapter {
  /** Whether highlights outlive the reader (false: the article is not saved). */
  readonly persistent: boolean;
  list(): Promise<Highlight[]>;
  put(highlight: Highlight): Promise<HighlightResult>;
  remove(id: string): Promise<HighlightResult>;
}

export function createMemoryHighlightAdapter(initial: readonly Highlight[] = []): HighlightAdapter {
  const byId = new Map(initial.map((highlight) => [highlight.id, highlight]));
  return {
    persistent: false,
    list: () => Promise.resolve([...byId.values()]),
    put: (highlight) => {
      byId.set(highlight.id, highlight);
      return Promise.resolve({ ok: true });
    },
    remove: (id) => {
      byId.delete(id);
      return Promise.resolve({ ok: true });
    },
  };
}

export function isHighlightColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}

/** Highlights in reading order (by where they start). */
export function sortByPosition(highlights: readonly Highlight[]): Highlight[] {
  return [...highlights].sort((a, b) => a.position.start - b.position.start || a.createdAt - b.createdAt);
}

/**
 * A highlight as a Markdown quote with a link to its source; the link carries a text fragment
 * (`#:~:text=`) so browsers that support it scroll to and mark the quoted words.
 */
export function highlightAsQuote(highlight: Highlight, source: { title: string; url: string | null }): string {
  const quote = highlight.selector.exact.trim().split(/\n+/).map((line) => `> ${line.trim()}`).join('\n>\n');
  const note = highlight.note.trim() ? `\n\n${highlight.note.trim()}` : '';
  if (!source.url) return `${quote}\n\n— ${source.title}${note}`;
  return `${quote}\n\n— [${source.title}](${textFragmentUrl(source.url, highlight.selector.exact)})${note}`;
}

export function textFragmentUrl(url: string, exact: string): string {
  const words = exact.trim().replace(/\s+/g, ' ').split(' ');
  const encode = (value: string) => encodeURIComponent(value).replace(/-/g, '%2D');
  // Long quotes: name their first and last words (textStart,textEnd), as the spec allows.
  const directive = words.length > 8 ? `${encode(words.slice(0, 4).join(' '))},${encode(words.slice(-4).join(' '))}` : encode(words.join(' '));
  return `${url.split('#')[0]}#:~:text=${directive}`;
}
