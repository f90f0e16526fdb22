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

/** Write the snapshot back after this many indexed changes (a snapshot of 10,000 articles is ~20 MB). */
const PERSIST_AFTER_CHANGES = 25;

export class SearchService {
  private index: LibrarySearch | null = null;
  private loading: Promise<StorageResult<LibrarySearch>> | null = null;
  private unsaved = 0;

  constructor(private readonly db: LibraryDb) {}

  /** Loads (or builds) the index once; later calls share it. */
  ready(): Promise<StorageResult<LibrarySearch>> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<StorageResult<LibrarySearch>> {
    const snapshot = await loadSearchSnapshot(this.db);
    const index = snapshot.ok && snapshot.value ? LibrarySearch.fromSnapshot(snapshot.value) : LibrarySearch.empty();
    const built = index.watermark === 0;
    const refreshed = await this.apply(index);
    if (!refreshed.ok) {
      this.loading = null;
      return refreshed;
    }
    this.index = index;
    if (built || this.unsaved > 0) await this.persist();
    return { ok: true, value: index };
  }

  private async apply(index: LibrarySearch): Promise<StorageResult<number>> {
    const result = await readIndexChanges(this.db, index.watermark, ({ upserts, removals }) => {
      for (const article of upserts) index.upsert(article);
      for (const id of removals) index.remove(id);
      this.unsaved += upserts.length + removals.length;
    });
    if (result.ok) index.watermark = Math.max(index.watermark, result.value);
    if (this.unsaved > PERSIST_AFTER_CHANGES) index.compact();
    return result;
  }

  /** Searches the library as it is now (changes made anywhere since the last search included). */
  async search(query: string, limit = 50): Promise<StorageResult<SearchHit[]>> {
    const ready = await this.ready();
    if (!ready.ok) return ready;
    const refreshed = await this.apply(ready.value);
    if (!refreshed.ok) return refreshed;
    if (this.unsaved >= PERSIST_AFTER_CHANGES) void this.persist();
    return { ok: true, value: ready.value.search(query, limit) };
  }

  /** Writes the snapshot now (also called when the page is hidden). */
  async persist(): Promise<StorageResult<void>> {
    if (!this.index) return { ok: true, value: undefined };
    this.unsaved = 0;
    return saveSearchSnapshot(this.db, this.index.toSnapshot());
  }
}
