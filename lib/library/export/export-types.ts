import type { ExportedArticle } from '../folio-json-format';

export interface ExportOptions {
  /** How many articles there are in all (for progress). */
  total: number;
  onProgress?: (done: number, total: number) => void;
  /** Stops a long export; the exporter then resolves with `{ ok: false, reason: 'aborted' }`. */
  signal?: AbortSignal;
  now?: Date;
}

export type ExportResult<T> = { ok: true; value: T; count: number } | { ok: false; reason: 'aborted' | 'error'; message: string };

export type ExportBatches = AsyncIterable<ExportedArticle[]>;

/** Lets the page breathe between batches so progress repaints and the tab stays responsive. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Walks the batches with progress and cancellation; the visitor handles one article. */
export async function forEachExported(
  batches: ExportBatches,
  { total, onProgress, signal }: ExportOptions,
  visit: (article: ExportedArticle, index: number) => void,
): Promise<ExportResult<number>> {
  let done = 0;
  try {
    for await (const batch of batches) {
      if (signal?.aborted) return { ok: false, reason: 'aborted', message: 'Export stopped.' };
      for (const article of batch) visit(article, done++);
      onProgress?.(done, Math.max(total, done));
      await yieldToPage();
    }
  } catch (error) {
    return { ok: false, reason: 'error', message: `The export failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, value: done, count: done };
}
