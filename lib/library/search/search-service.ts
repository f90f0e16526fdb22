import Dexie from 'dexie';
import type { LibraryDb } from '../../storage/db';
import { loadSearchSnapshot, readIndexChanges, readSearchableHighlights, saveSearchSnapshot } from '../../storage/library-repo-search';
import type { StorageResult } from '../../storage/storage-errors';
import { HighlightSearch, type HighlightMatch } from './highlight-search';
import { LibrarySearch, type SearchHit } from './library-search';

/**
 * The search index of one page (library, popup) or of the library's search worker: loaded from its
 * snapshot (or built from the stored articles the first time), brought up to date by reading only what
 * changed since, and written back when enough has changed and nobody is typing. The stores stay the
 * source of truth; the snapshot is a cache that can always be rebuilt.
 *
 * Catching up costs IndexedDB round trips, so it runs only when Dexie reported a change to the
 * library's stores (its `storagemutated` event reaches every extension page and worker of the origin),
 * and, as a safety net for writes Dexie cannot see, when the last check is older than STALE_AFTER_MS.
 */

/** Compact the index's lists after this many additions at once (a first build, a big catch-up). */
const COMPACT_AFTER_CHANGES = 200;
const STALE_AFTER_MS = 30_000;
/** Title-index parsing and snapshot writes wait for this long a pause in searching. */
const DEFAULT_QUIET_MS = 1_500;

const ARTICLE_STORES = ['articles', 'contents', 'trash', 'tombstones'];

export interface SearchServiceOptions {
  /** Skip catch-ups when Dexie reported no change (default true). */
  trackChanges?: boolean;
  /** Quiet time before the deferred work (title index, snapshot); tests pass 0. */
  quietMs?: number;
}

export interface LibrarySearchResult {
  /** Articles matching by title, site, tags or body, best first. */
  articles: SearchHit[];
  /** Highlights and notes matching, newest first (their articles are in the library). */
  highlights: HighlightMatch[];
}

export class SearchService {
  private index: LibrarySearch | null = null;
  private loading: Promise<StorageResult<LibrarySearch>> | null = null;
  private unsaved = 0;
  /** The change time of each article as indexed here, so catching up never re-reads an unchanged body. */
  private readonly indexedAt = new Map<string, number>();
  private readonly highlights = new HighlightSearch();
  private articlesDirty = true;
  private highlightsDirty = true;
  private lastCatchUp = 0;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly quietMs: number;
  private readonly trackChanges: boolean;
  private readonly onMutated = (parts: Record<string, unknown>) => {
    const prefix = `idb://${this.db.name}/`;
    for (const key of Object.keys(parts)) {
      if (!key.startsWith(prefix)) continue;
      const table = key.slice(prefix.length).split('/')[0]!;
      if (ARTICLE_STORES.includes(table)) this.articlesDirty = true;
      // Deleting and restoring an article moves its highlights through the trash.
      if (table === 'highlights' || table === 'trash') this.highlightsDirty = true;
    }
  };

  constructor(
    private readonly db: LibraryDb,
    { trackChanges = true, quietMs = DEFAULT_QUIET_MS }: SearchServiceOptions = {},
  ) {
    this.trackChanges = trackChanges;
    this.quietMs = quietMs;
    if (trackChanges) Dexie.on('storagemutated', this.onMutated);
  }

  /** Stops listening for changes and drops the deferred work (a page or worker going away). */
  dispose(): void {
    if (this.trackChanges) Dexie.on('storagemutated').unsubscribe(this.onMutated);
    clearTimeout(this.quietTimer);
  }

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
    this.deferQuietWork();
    return { ok: true, value: index };
  }

  /**
   * Parsing the title index and writing the snapshot take a long moment (seconds at 10,000 articles on a
   * slow machine): they wait for a pause in searching, so they never hold up a keystroke. After a build
   * or a big catch-up (an import) the snapshot is written at once instead: losing a minute-long build to
   * a closed tab costs far more than one slow keystroke.
   */
  private deferQuietWork(): void {
    clearTimeout(this.quietTimer);
    const urgent = this.unsaved > COMPACT_AFTER_CHANGES;
    this.quietTimer = setTimeout(
      () => {
        this.index?.loadTitleIndex();
        if (this.unsaved > 0) void this.persist();
      },
      urgent ? 0 : this.quietMs,
    );
  }

  private async apply(index: LibrarySearch): Promise<StorageResult<number>> {
    if (this.trackChanges && !this.articlesDirty && Date.now() - this.lastCatchUp < STALE_AFTER_MS) return { ok: true, value: index.watermark };
    // Cleared first: a change reported while this catch-up reads is caught by the next one.
    this.articlesDirty = false;
    this.lastCatchUp = Date.now();
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
    else this.articlesDirty = true;
    if (changes > COMPACT_AFTER_CHANGES) index.compact();
    this.unsaved += changes;
    return result;
  }

  private async refreshHighlights(): Promise<StorageResult<void>> {
    if (this.trackChanges && !this.highlightsDirty && Date.now() - this.lastCatchUp < STALE_AFTER_MS) return { ok: true, value: undefined };
    this.highlightsDirty = false;
    const read = await readSearchableHighlights(this.db);
    if (!read.ok) {
      this.highlightsDirty = true;
      return read;
    }
    this.highlights.reset(read.value);
    return { ok: true, value: undefined };
  }

  private async current(): Promise<StorageResult<LibrarySearch>> {
    const ready = await this.ready();
    if (!ready.ok) return ready;
    const refreshed = await this.apply(ready.value);
    if (!refreshed.ok) return refreshed;
    if (this.unsaved > 0 || !ready.value.titleIndexLoaded) this.deferQuietWork();
    return ready;
  }

  /** Searches the library as it is now (changes made anywhere since the last search included). */
  async search(query: string, limit = 50): Promise<StorageResult<SearchHit[]>> {
    const index = await this.current();
    if (!index.ok) return index;
    return { ok: true, value: index.value.search(query, limit) };
  }

  /** Articles, and highlights and notes, matching `query`. */
  async searchLibrary(query: string, limit = 50): Promise<StorageResult<LibrarySearchResult>> {
    const index = await this.current();
    if (!index.ok) return index;
    const highlights = await this.refreshHighlights();
    if (!highlights.ok) return highlights;
    return {
      ok: true,
      value: {
        articles: index.value.search(query, limit),
        // A highlight whose article was deleted stays with it in the trash, not in search results.
        highlights: this.highlights.search(query, limit).filter((match) => index.value.has(match.articleId)),
      },
    };
  }

  /** Writes the snapshot if anything changed since the last one (pages call this when hidden). */
  async persist(): Promise<StorageResult<void>> {
    if (!this.index || this.unsaved === 0) return { ok: true, value: undefined };
    this.unsaved = 0;
    return saveSearchSnapshot(this.db, this.index.toSnapshot());
  }
}
