import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeRange, resolveAnchor } from '@/lib/reading/anchor';
import { sortByPosition, type Highlight, type HighlightAdapter, type HighlightColor } from '@/lib/reading/highlights';
import { clearHighlights, paintHighlights } from '@/lib/reading/paint-highlights';
import { buildTextIndex } from '@/lib/reading/text-index';

export interface HighlightsState {
  /** Highlights in reading order, with where each was found in the text now (null: not found). */
  items: Array<{ highlight: Highlight; found: boolean }>;
  error: string | null;
  create(range: { start: number; end: number }, color: HighlightColor): Highlight | null;
  update(id: string, change: Partial<Pick<Highlight, 'color' | 'note'>>): void;
  remove(id: string): void;
}

let counter = 0;
function newId(): string {
  counter += 1;
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `h-${Date.now().toString(36)}-${counter}`;
}

/**
 * Loads an article's highlights from its adapter, anchors them in the rendered body and paints them;
 * repaints after every change and whenever the body (re-rendered article) changes.
 */
export function useHighlights(body: HTMLElement | null, adapter: HighlightAdapter, contentKey: unknown): HighlightsState {
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    void adapter.list().then((loaded) => active && setHighlights(loaded));
    return () => {
      active = false;
    };
  }, [adapter]);

  const found = useMemo(() => {
    const map = new Map<string, { start: number; end: number }>();
    if (!body) return map;
    clearHighlights(body);
    const text = buildTextIndex(body).text;
    for (const highlight of highlights) {
      const match = resolveAnchor(text, highlight);
      if (match) map.set(highlight.id, match);
    }
    return map;
    // contentKey: a re-rendered article body needs its anchors found again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body, highlights, contentKey]);

  useEffect(() => {
    if (!body) return;
    clearHighlights(body);
    paintHighlights(
      body,
      sortByPosition(highlights).flatMap((highlight) => {
        const at = found.get(highlight.id);
        return at ? [{ id: highlight.id, start: at.start, end: at.end, color: highlight.color }] : [];
      }),
    );
    return () => clearHighlights(body);
  }, [body, highlights, found]);

  const persist = useCallback(
    (highlight: Highlight) => {
      void adapter.put(highlight).then((result) => setError(result.ok ? null : `Could not save the highlight: ${result.detail}`));
    },
    [adapter],
  );

  const create = useCallback(
    (range: { start: number; end: number }, color: HighlightColor) => {
      if (!body) return null;
      const text = buildTextIndex(body).text;
      const now = Date.now();
      const highlight: Highlight = { id: newId(), ...describeRange(text, range.start, range.end), color, note: '', createdAt: now, updatedAt: now };
      setHighlights((current) => [...current, highlight]);
      persist(highlight);
      return highlight;
    },
    [body, persist],
  );

  const update = useCallback(
    (id: string, change: Partial<Pick<Highlight, 'color' | 'note'>>) => {
      setHighlights((current) =>
        current.map((highlight) => {
          if (highlight.id !== id) return highlight;
          const next = { ...highlight, ...change, updatedAt: Date.now() };
          persist(next);
          return next;
        }),
      );
    },
    [persist],
  );

  const remove = useCallback(
    (id: string) => {
      setHighlights((current) => current.filter((highlight) => highlight.id !== id));
      void adapter.remove(id).then((result) => setError(result.ok ? null : `Could not delete the highlight: ${result.detail}`));
    },
    [adapter],
  );

  const items = useMemo(() => sortByPosition(highlights).map((highlight) => ({ highlight, found: found.has(highlight.id) })), [highlights, found]);
  return { items, error, create, update, remove };
}
