import { SearchService } from '@/lib/library/search/search-service';
import { answerSearchRequest } from '@/lib/library/search/search-worker-host';
import type { SearchProgressMessage, SearchRequest } from '@/lib/library/search/search-worker-protocol';
import { libraryDb } from '@/lib/storage/db';

/**
 * The library page's search worker: the index is built, loaded, kept up to date and written back here,
 * off the page's main thread. Requests are not queued behind each other: a search that arrives while the
 * index is being built is answered meanwhile (the service reads what is not indexed yet), and the
 * build's progress is posted as it goes.
 */
const service = new SearchService(libraryDb(), {
  onProgress: (progress) => self.postMessage({ type: 'progress', progress } satisfies SearchProgressMessage),
});

self.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  void answerSearchRequest(service, event.data).then((response) => self.postMessage(response));
});
