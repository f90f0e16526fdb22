/**
 * Highlights as the reader keeps them ↔ as the library stores them (HighlightRecord), and an adapter
 * over any store with list/put/delete, so the article page (IndexedDB directly) and, later, the overlay
 * (through messages) share one mapping.
 */
import type { HighlightRecord } from '../storage/schema';
import type { HighlightInput } from '../storage/library-repo-highlights';
import { isHighlightColor, type Highlight, type HighlightAdapter } from './highlights';

export function toHighlightRecord(articleId: string, highlight: Highlight): HighlightInput {
  return { id: highlight.id, articleId, selector: highlight.selector, position: highlight.position, color: highlight.color, note: highlight.note, createdAt: highlight.createdAt, updatedAt: highlight.updatedAt };
}

export function fromHighlightRecord(record: HighlightRecord): Highlight {
  return {
    id: record.id,
    selector: record.selector,
    position: record.position,
    color: isHighlightColor(record.color) ? record.color : 'yellow',
    note: record.note,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

export interface HighlightStore {
  list(articleId: string): Promise<Result<HighlightRecord[]>>;
  put(record: HighlightInput): Promise<Result<void>>;
  remove(id: string): Promise<Result<void>>;
}

export function createLibraryHighlightAdapter(articleId: string, store: HighlightStore): HighlightAdapter {
  const done = (result: Result<unknown>) => (result.ok ? { ok: true as const } : { ok: false as const, detail: result.error.message });
  return {
    persistent: true,
    list: async () => {
      const result = await store.list(articleId);
      return result.ok ? result.value.map(fromHighlightRecord) : [];
    },
    put: async (highlight) => done(await store.put(toHighlightRecord(articleId, highlight))),
    remove: async (id) => done(await store.remove(id)),
  };
}
