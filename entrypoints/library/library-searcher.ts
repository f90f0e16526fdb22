import { WorkerSearchClient, type LibrarySearcher } from '@/lib/library/search/search-client';
import { SearchService } from '@/lib/library/search/search-service';
import { libraryDb } from '@/lib/storage/db';

/**
 * The library page's search: in a worker when the browser can start one (Vite bundles the worker file
 * from this `new URL(…, import.meta.url)` form), else on the page.
 */
export function createLibrarySearcher(): LibrarySearcher {
  try {
    const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'folio-search' });
    return new WorkerSearchClient(worker, libraryDb);
  } catch {
    return new SearchService(libraryDb());
  }
}
