import { SearchService } from '@/lib/library/search/search-service';
import { answerSearchRequest } from '@/lib/library/search/search-worker-host';
import type { SearchRequest } from '@/lib/library/search/search-worker-protocol';
import { libraryDb } from '@/lib/storage/db';

/**
 * The library page's search worker: the index is built, loaded, kept up to date and written back here,
 * off the page's main thread. Requests are answered one at a time, in order.
 */
const service = new SearchService(libraryDb());
let queue: Promise<unknown> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  queue = queue.then(async () => self.postMessage(await answerSearchRequest(service, request)));
});
