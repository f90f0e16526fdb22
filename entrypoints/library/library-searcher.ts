import { ProgressListeners } from '@/lib/library/search/progress-listeners';
import { WorkerSearchClient, type LibrarySearcher } from '@/lib/library/search/search-client';
import { SearchService } from '@/lib/library/search/search-service';
import { libraryDb } from '@/lib/storage/db';

function startSearcher(progress: ProgressListeners): LibrarySearcher {
  try {
    // Vite bundles the worker file from this `new URL(…, import.meta.url)` form.
    const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'folio-search' });
    const client = new WorkerSearchClient(worker, libraryDb);
    client.onProgress(progress.emit);
    return client;
  } catch {
    return new SearchService(libraryDb(), { onProgress: progress.emit });
  }
}

/**
 * The library page's search: in a worker when the browser can start one, else on the page. The worker
 * starts on first use, not with the page: starting it (parsing its script) would compete with the
 * first rows for the processor.
 */
export function createLibrarySearcher(): LibrarySearcher {
  let searcher: LibrarySearcher | null = null;
  const progress = new ProgressListeners();
  const started = () => (searcher ??= startSearcher(progress));
  return {
    onProgress: (listener) => progress.add(listener),
    ready: () => started().ready(),
    searchLibrary: (query, limit) => started().searchLibrary(query, limit),
    // Nothing to write when the index was never started.
    persist: () => (searcher ? searcher.persist() : Promise.resolve({ ok: true, value: undefined })),
  };
}
