import type { SearchService } from './search-service';
import { workerFailure, type SearchRequest, type SearchResponse } from './search-worker-protocol';

/** The worker side: answers one request with the worker's SearchService (never throws). */
export async function answerSearchRequest(service: SearchService, request: SearchRequest): Promise<SearchResponse> {
  try {
    switch (request.type) {
      case 'ready': {
        const ready = await service.ready();
        return { id: request.id, type: 'ready', result: ready.ok ? { ok: true, value: { size: ready.value.size } } : ready };
      }
      case 'search':
        return { id: request.id, type: 'search', result: await service.searchLibrary(request.query, request.limit) };
      case 'persist':
        return { id: request.id, type: 'persist', result: await service.persist() };
    }
  } catch (error) {
    return { id: request.id, type: request.type, result: { ok: false, error: workerFailure(String(error)) } } as SearchResponse;
  }
}
