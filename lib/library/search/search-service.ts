import type { LibraryDb } from '../../storage/db';
import { loadSearchSnapshot, readIndexChanges, saveSearchSnapshot } from '../../storage/library-repo-search';
import type { StorageResult } from '../../storage/storage-errors';
import { LibrarySearch, type SearchHit } from './library-search';

/**
 * The search index of one page (library, popup) or the background: loaded from its snapshot (or built
 * from the stored articles the first time), brought up to date before each search by reading only what
 * changed since, and written back when enough has changed. The stores stay the source of truth; the
 * snapshot is a cache that can always be rebuilt.
 */

/** Compact the index's lists after this many additions at once (a first build, a big catch-up). */
const COMPACT_AFTER_CHANGES = 200;

export class SearchService {
  private index: LibrarySearch | null = null;
  private loading: Promise<StorageResult<LibrarySearch>> | null = null;
  private unsaved = 0;
  /** The change time of each article as indexed here, so catching up never re-reads an unchanged body. */
  private readonly indexedAt = new Map<string, number>();

  constructor(private readonly db: LibraryDb) {}

  /** Loads (or builds) the index once; later calls share it. */
  ready(): Promise<StorageResult<LibrarySearch>> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<StorageResult<LibrarySearch>> {
    const snapshot = await loadSearchSnapshot(this.db);
    const index = snapshot.ok && snapshot.value ? LibrarySearch.fromSnapshot(snapshot.value) : LibrarySearch.empty();
    const refreshed = await this.apply(index);
    if (!refreshed.ok) {
      this.loading = null;
      return refreshed;
    }
    this.index = index;
    // Parsing the title index and writing the snapshot cost a moment of main thread: do them when idle.
    whenIdle(() => {
      index.loadTitleIndex();
      if (this.unsaved > 0) void this.persist();
    });
    return { ok: true, value: index };
  }

  private async apply(index: LibrarySearch): Promise<StorageResult<number>> {
    let changes = 0;
    const result = await readIndexChanges(
      this.db,
      index.watermark,
      ({ upserts, removals }) => {
        for (const { article, updatedAt } of upserts) {
          index.upsert(article);
          this.indexedAt.set(article.id, updatedAt);
        }
        for (const id of removals) {
          index.remove(id);
          this.indexedAt.delete(id);
        }
        changes += upserts.length + removals.length;
      },
      250,
      (id, updatedAt) => this.indexedAt.get(id) === updatedAt,
    );
    if (result.ok) index.watermark = Math.max(index.watermark, result.value);
    if (changes > COMPACT_AFTER_CHANGES) index.compact();
    this.unsaved += changes;
    return result;
  }

  /** Searches the library as it is now (changes made anywhere since the last search included). */
  async search(query: string, limit = 50): Promise<StorageResult<SearchHit[]>> {
    const ready = await this.ready();
    if (!ready.ok) return ready;
    const refreshed = await this.apply(ready.value);
    if (!refreshed.ok) return refreshed;
    return { ok: true, value: ready.value.search(query, limit) };
  }

  /** Writes the snapshot if anything changed since the last one (pages call this when hidden). */
  async persist(): Promise<StorageResult<void>> {
    if (!this.index || this.unsaved === 0) return { ok: true, value: undefined };
    this.unsaved = 0;
    return saveSearchSnapshot(this.db, this.index.toSnapshot());
  }
}

function whenIdle(task: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => void }).requestIdleCallback;
  if (idle) idle(task, { timeout: 5_000 });
  else setTimeout(task, 0);
}
