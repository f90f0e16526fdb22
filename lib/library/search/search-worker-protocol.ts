import type { StorageFailure, StorageResult } from '../../storage/storage-errors';
import type { IndexingProgress, LibrarySearchResult } from './search-service';

/**
 * Messages between a page and the library's search worker (entrypoints/library/search.worker.ts). The
 * worker owns the index: building it, loading and writing its snapshot, and answering queries all
 * happen off the page's main thread, so neither the first rows nor scrolling wait for them.
 */

export type SearchRequest =
  | { id: number; type: 'ready' }
  | { id: number; type: 'search'; query: string; limit: number }
  | { id: number; type: 'persist' };

export type SearchResponse =
  | { id: number; type: 'ready'; result: StorageResult<{ size: number }> }
  | { id: number; type: 'search'; result: StorageResult<LibrarySearchResult> }
  | { id: number; type: 'persist'; result: StorageResult<void> };

/** Sent by the worker unasked while it builds or catches up its index. */
export interface SearchProgressMessage {
  type: 'progress';
  progress: IndexingProgress;
}

/** What the worker answers when something it did threw (it should not: the service returns results). */
export function workerFailure(detail: string): StorageFailure {
  return { kind: 'unknown', message: 'Folio could not search its library.', detail };
}
