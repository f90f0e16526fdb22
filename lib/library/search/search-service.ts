import Dexie from 'dexie';
import { boundedMeasure } from '../../bounded-timing';
import type { LibraryDb } from '../../storage/db';
import { countIndexChanges, readIndexChanges, readSearchableHighlights } from '../../storage/library-repo-search';
import { loadSearchSnapshot, saveSearchSnapshot } from '../../storage/search-snapshot-store';
import { attempt, type StorageResult } from '../../storage/storage-errors';
import { ProgressListeners } from './progress-listeners';
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

/** How far a build or a big catch-up of the index has come (`done` once it is complete). */
export interface IndexingProgress {
  indexed: number;
  total: number;
  done: boolean;
}

export interface SearchServiceOptions {
  /** Skip catch-ups when Dexie reported no change (default true). */
  trackChanges?: boolean;
  /** Quiet time before the deferred work (title index, snapshot); tests pass 0. */
  quietMs?: number;
  /** Told as the index is built or caught up, batch by batch (the page shows "indexing… N%"). */
  onProgress?: (progress: IndexingProgress) => void;
  /** How long a search while indexing reads not-yet-indexed articles before it answers (see searchWhileIndexing). */
  scanBudgetMs?: number;
}

export interface LibrarySearchResult {
  /** Articles matching by title, site, tags or body, best first. */
  articles: SearchHit[];
  /** Highlights and notes matching, newest first (their articles are in the library). */
  highlights: HighlightMatch[];
  /**
   * Present when the answer came while the index was still being built: how far it is, and whether every
   * article not yet indexed was read for this answer (`complete`) or only those read within the budget.
   */
  indexing?: { indexed: number; total: number; complete: boolean };
}

/** Articles read at a time when a search while indexing scans the ones not indexed yet. */
const SCAN_BATCH = 200;
/**
 * Reading every article not yet indexed made the first search at 10,000 articles wait 21 s (bench:library);
 * the answer comes after this much reading instead, and the page asks again once the index is complete.
 */
const DEFAULT_SCAN_BUDGET_MS = 250;

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
  private readonly scanBudgetMs: number;
  private readonly trackChanges: boolean;
  private readonly progressListeners = new ProgressListeners();
  /** The index while it is being built: searches meanwhile use it for what it holds and read the rest. */
  private partial: LibrarySearch | null = null;
  private progress: IndexingProgress = { indexed: 0, total: 0, done: false };
  /** Resolves once a load has its partial index (or has finished): searches wait for no more than that. */
  private started: Promise<void> | null = null;
  private markStarted: () => void = () => undefined;
  private persisting: Promise<StorageResult<void>> | null = null;
  /** Bumped by each search: a scan made while indexing stops when a newer search arrives. */
  private generation = 0;
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
    { trackChanges = true, quietMs = DEFAULT_QUIET_MS, onProgress, scanBudgetMs = DEFAULT_SCAN_BUDGET_MS }: SearchServiceOptions = {},
  ) {
    this.trackChanges = trackChanges;
    this.quietMs = quietMs;
    this.scanBudgetMs = scanBudgetMs;
    if (onProgress) this.progressListeners.add(onProgress);
    if (trackChanges) Dexie.on('storagemutated', this.onMutated);
  }

  /** Calls `listener` as the index is built or caught up; returns the unsubscribe. */
  onProgress(listener: (progress: IndexingProgress) => void): () => void {
    return this.progressListeners.add(listener);
  }

  /** Stops listening for changes and drops the deferred work (a page or worker going away). */
  dispose(): void {
    if (this.trackChanges) Dexie.on('storagemutated').unsubscribe(this.onMutated);
    clearTimeout(this.quietTimer);
  }

  /** Loads (or builds) the index once; later calls share it. */
  ready(): Promise<StorageResult<LibrarySearch>> {
    if (!this.loading) {
      this.started = new Promise((resolve) => (this.markStarted = resolve));
      this.loading = this.load().finally(() => this.markStarted());
    }
    return this.loading;
  }

  private async load(): Promise<StorageResult<LibrarySearch>> {
    const snapshot = await loadSearchSnapshot(this.db);
    const index = snapshot.ok && snapshot.value ? LibrarySearch.fromSnapshot(snapshot.value) : LibrarySearch.empty();
    this.partial = index;
    this.markStarted();
    const refreshed = await this.apply(index);
    this.partial = null;
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
        if (this.unsaved > 0) void this.persist();
        else void this.index?.loadTitleIndexInSlices();
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
    const total = this.progressListeners.size > 0 ? await countIndexChanges(this.db, index.watermark) : 0;
    const report = (done: boolean) => {
      this.progress = { indexed: Math.min(changes, total), total, done };
      this.progressListeners.emit(this.progress);
    };
    if (total > 0) report(false);
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
        if (total > 0) report(false);
      },
      250,
      (id, updatedAt) => this.indexedAt.get(id) === updatedAt,
    );
    if (result.ok) index.watermark = Math.max(index.watermark, result.value);
    else this.articlesDirty = true;
    if (changes > COMPACT_AFTER_CHANGES) index.compact();
    this.unsaved += changes;
    if (total > 0) report(true);
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
    const generation = ++this.generation;
    const received = performance.now();
    if (!this.index) {
      const loading = this.ready();
      await this.started;
      if (this.partial) {
        const meanwhile = await this.searchWhileIndexing(this.partial, query, limit, generation);
        // Overtaken by a newer search: this one is answered by the complete index, once it is built.
        if (meanwhile !== null) return meanwhile;
      }
      await loading;
    }
    const index = await this.current();
    if (!index.ok) return index;
    const caughtUp = performance.now();
    const highlights = await this.refreshHighlights();
    if (!highlights.ok) return highlights;
    const highlightsRead = performance.now();
    const articles = index.value.search(query, limit);
    const searched = performance.now();
    // A highlight whose article was deleted stays with it in the trash, not in search results.
    const highlightMatches = this.highlights.search(query, limit).filter((match) => index.value.has(match.articleId));
    // Read by the benchmark (over DevTools, in the worker): where an answer's time went.
    boundedMeasure('folio:search-answer', {
      start: received,
      detail: { query, catchUpMs: caughtUp - received, highlightsReadMs: highlightsRead - caughtUp, indexMs: searched - highlightsRead },
    });
    return { ok: true, value: { articles, highlights: highlightMatches } };
  }

  /**
   * A search that arrives while the index is being built (the first visit at 10,000 articles: a minute on
   * a slow machine) is answered at once from what is indexed, plus a scan of the articles not indexed
   * yet: their records and bodies are read in batches and each is matched word by word (`scoreText`),
   * for at most `scanBudgetMs` (at least one batch). The answer says how far indexing has come and whether
   * the scan read them all (`complete`): the page asks again when the index is complete, so partial
   * results are replaced by the full ones. A newer search stops the scan (typing on: only the latest
   * keystroke is scanned for), and returns null: the overtaken search then waits for the complete index.
   */
  private async searchWhileIndexing(index: LibrarySearch, query: string, limit: number, generation: number): Promise<StorageResult<LibrarySearchResult> | null> {
    const scanStarted = performance.now();
    const scanned = await attempt(async () => {
      const keys = await this.db.articles.toCollection().primaryKeys();
      // Taken in the same turn as the key list: every article is either indexed now or scanned below.
      const fromIndex = index.search(query, limit);
      const rest = keys.filter((id) => !index.has(id));
      const inLibrary = new Set(keys);
      const hits: SearchHit[] = [...fromIndex];
      let complete = true;
      for (let start = 0; start < rest.length; start += SCAN_BATCH) {
        if (generation !== this.generation) return null;
        if (start > 0 && performance.now() - scanStarted >= this.scanBudgetMs) {
          complete = false;
          break;
        }
        const ids = rest.slice(start, start + SCAN_BATCH);
        const [records, contents] = await Promise.all([this.db.articles.bulkGet(ids), this.db.contents.bulkGet(ids)]);
        records.forEach((record, i) => {
          if (!record) return;
          const text = `${record.title} ${record.siteName ?? ''} ${record.byline ?? ''} ${record.tags.join(' ')}\n${contents[i]?.textContent ?? record.excerpt ?? ''}`;
          const score = index.scoreText(query, text);
          if (score !== null) hits.push({ id: record.id, score });
        });
      }
      hits.sort((a, b) => b.score - a.score);
      return { articles: hits.slice(0, limit), inLibrary, complete };
    });
    if (!scanned.ok) return scanned;
    if (scanned.value === null) return null;
    const highlights = await this.refreshHighlights();
    if (!highlights.ok) return highlights;
    const { articles, inLibrary, complete } = scanned.value;
    const progress = { indexed: this.progress.indexed, total: this.progress.total, complete };
    return {
      ok: true,
      value: { articles, highlights: this.highlights.search(query, limit).filter((match) => inLibrary.has(match.articleId)), indexing: progress },
    };
  }

  /**
   * Writes the snapshot if anything changed since the last one (pages call this when hidden). It is
   * serialized in slices (LibrarySearch.toSnapshotInSlices), so searches arriving meanwhile are answered
   * between them instead of waiting for the whole write; one write at a time.
   */
  persist(): Promise<StorageResult<void>> {
    this.persisting ??= this.writeSnapshot().finally(() => (this.persisting = null));
    return this.persisting;
  }

  private async writeSnapshot(): Promise<StorageResult<void>> {
    if (!this.index || this.unsaved === 0) return { ok: true, value: undefined };
    const unsaved = this.unsaved;
    this.unsaved = 0;
    const started = performance.now();
    const snapshot = await attempt(() => this.index!.toSnapshotInSlices());
    const saved = snapshot.ok ? await saveSearchSnapshot(this.db, snapshot.value) : snapshot;
    // Read by the benchmark (over DevTools, in the worker): when the snapshot was being written.
    boundedMeasure('folio:search-snapshot-write', { start: started });
    if (!saved.ok) this.unsaved += unsaved;
    return saved;
  }
}
