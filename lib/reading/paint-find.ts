/**
 * Shows find matches. Where the browser has the CSS Custom Highlight API, matches are painted as
 * highlight ranges: nothing is added to the article's DOM, so highlights, their anchors and the
 * read-aloud word mark are untouched. Elsewhere they fall back to <mark> elements of their own class
 * (text offsets stay the same, so anchoring still works; the highlight painter never touches them).
 */
import type { TextMatch } from './find-in-text';
import { rangeOfMatch } from './find-in-article';
import { clearHighlights, paintHighlights } from './paint-highlights';
import { buildTextIndex } from './text-index';

export const FIND_HIGHLIGHT = 'folio-find';
export const FIND_CURRENT_HIGHLIGHT = 'folio-find-current';
export const FIND_MARK_CLASS = 'folio-find-match';

/** The parts of CSS.highlights and Highlight this painter uses. */
export interface HighlightApi {
  registry: { set(name: string, highlight: unknown): unknown; delete(name: string): unknown };
  create(...ranges: Range[]): unknown;
}

export interface FindPainter {
  readonly kind: 'css-highlight' | 'marks';
  /** Paints every match, the current one apart; returns where the current one is on screen. */
  paint(matches: readonly TextMatch[], current: number): DOMRect | null;
  clear(): void;
}

/** The browser's Custom Highlight API, when it has one. */
export function browserHighlightApi(): HighlightApi | null {
  const global = globalThis as { CSS?: { highlights?: HighlightApi['registry'] }; Highlight?: new (...ranges: Range[]) => unknown };
  const registry = global.CSS?.highlights;
  const HighlightClass = global.Highlight;
  if (!registry || typeof HighlightClass !== 'function') return null;
  return { registry, create: (...ranges) => new HighlightClass(...ranges) };
}

function rectOf(target: Range | Element | undefined): DOMRect | null {
  return target && typeof target.getBoundingClientRect === 'function' ? target.getBoundingClientRect() : null;
}

export function createFindPainter(root: Element, api: HighlightApi | null = browserHighlightApi()): FindPainter {
  if (api) {
    return {
      kind: 'css-highlight',
      paint(matches, current) {
        const index = buildTextIndex(root);
        const ranges = matches.map((match) => rangeOfMatch(index, match));
        const others = ranges.filter((range, i): range is Range => range !== null && i !== current);
        const chosen = ranges[current] ?? null;
        api.registry.set(FIND_HIGHLIGHT, api.create(...others));
        api.registry.set(FIND_CURRENT_HIGHLIGHT, api.create(...(chosen ? [chosen] : [])));
        return rectOf(chosen ?? undefined);
      },
      clear() {
        api.registry.delete(FIND_HIGHLIGHT);
        api.registry.delete(FIND_CURRENT_HIGHLIGHT);
      },
    };
  }
  return {
    kind: 'marks',
    paint(matches, current) {
      clearHighlights(root, undefined, FIND_MARK_CLASS);
      const painted = paintHighlights(
        root,
        matches.map((match, i) => ({ id: `find-${i}`, ...match, color: i === current ? 'current' : 'match', className: FIND_MARK_CLASS })),
      );
      return rectOf(painted.get(`find-${current}`)?.[0]);
    },
    clear() {
      clearHighlights(root, undefined, FIND_MARK_CLASS);
    },
  };
}
