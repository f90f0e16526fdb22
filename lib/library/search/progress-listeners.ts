import type { IndexingProgress } from './search-service';

/** A set of progress listeners (shared by the worker client and the lazy searcher). */
export class ProgressListeners {
  private readonly listeners = new Set<(progress: IndexingProgress) => void>();
  get size(): number {
    return this.listeners.size;
  }
  add(listener: (progress: IndexingProgress) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  emit = (progress: IndexingProgress): void => {
    for (const listener of this.listeners) listener(progress);
  };
}
