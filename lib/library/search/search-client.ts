import type { LibraryDb } from '../../storage/db';
import type { StorageResult } from '../../storage/storage-errors';
import { ProgressListeners } from './progress-listeners';
import { SearchService, type IndexingProgress, type LibrarySearchResult } from './search-service';
import { answerSearchRequest } from './search-worker-host';
import { workerFailure, type SearchProgressMessage, type SearchRequest, type SearchResponse } from './search-worker-protocol';

/** What a page needs from library search, wherever the index lives. */
export interface LibrarySearcher {
  /** Loads (or builds) the index, so the first keystroke is answered at once. */
  ready(): Promise<StorageResult<unknown>>;
  searchLibrary(query: string, limit?: number): Promise<StorageResult<LibrarySearchResult>>;
  /** Writes the index snapshot now if it changed (the page is being hidden). */
  persist(): Promise<StorageResult<void>>;
  /** Calls `listener` as the index is built or caught up; returns the unsubscribe. */
  onProgress(listener: (progress: IndexingProgress) => void): () => void;
}

/** The part of a Worker the client uses (tests pass an in-process stand-in). */
export interface SearchPort {
  postMessage(request: SearchRequest): void;
  addEventListener(type: 'message', listener: (event: { data: SearchResponse | SearchProgressMessage }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate?(): void;
}

type Pending = { resolve: (response: SearchResponse) => void; request: SearchRequest };
type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * The page side of the search worker. If the worker cannot start or fails, the client falls back to an
 * index on the page itself (slower to build, same results), and re-sends what was waiting.
 */
export class WorkerSearchClient implements LibrarySearcher {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private fallback: SearchService | null = null;
  private readonly progress = new ProgressListeners();

  constructor(
    private readonly port: SearchPort,
    private readonly fallbackDb: () => LibraryDb,
  ) {
    port.addEventListener('message', (event: { data: SearchResponse | SearchProgressMessage }) => {
      if (event.data.type === 'progress') return this.progress.emit(event.data.progress);
      const waiting = this.pending.get(event.data.id);
      if (!waiting) return;
      this.pending.delete(event.data.id);
      waiting.resolve(event.data);
    });
    port.addEventListener('error', () => this.fallBack());
  }

  /** Whether the index now lives on the page (the worker failed). */
  get onPage(): boolean {
    return this.fallback !== null;
  }

  private fallBack(): void {
    if (this.fallback) return;
    this.fallback = new SearchService(this.fallbackDb(), { onProgress: this.progress.emit });
    this.port.terminate?.();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve } of waiting) void this.onPageAnswer(request).then(resolve);
  }

  private onPageAnswer(request: SearchRequest): Promise<SearchResponse> {
    return answerSearchRequest(this.fallback!, request);
  }

  private send(message: Distribute<SearchRequest>): Promise<SearchResponse> {
    const request = { ...message, id: this.nextId++ } as SearchRequest;
    if (this.fallback) return this.onPageAnswer(request);
    return new Promise((resolve) => {
      this.pending.set(request.id, { request, resolve });
      try {
        this.port.postMessage(request);
      } catch {
        this.fallBack();
      }
    });
  }

  onProgress(listener: (progress: IndexingProgress) => void): () => void {
    return this.progress.add(listener);
  }

  async ready(): Promise<StorageResult<unknown>> {
    return (await this.send({ type: 'ready' })).result;
  }

  async searchLibrary(query: string, limit = 50): Promise<StorageResult<LibrarySearchResult>> {
    const response = await this.send({ type: 'search', query, limit });
    return response.type === 'search' ? response.result : { ok: false, error: workerFailure(`unexpected answer ${response.type}`) };
  }

  async persist(): Promise<StorageResult<void>> {
    const response = await this.send({ type: 'persist' });
    return response.type === 'persist' ? response.result : { ok: false, error: workerFailure(`unexpected answer ${response.type}`) };
  }
}
