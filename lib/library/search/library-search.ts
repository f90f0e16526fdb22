import MiniSearch from 'minisearch';
import { BodyIndex, type BodyIndexSnapshot } from './body-index';
import { runAtOnce, runInSlices, type Pause } from './time-slices';
import { distinctTerms, foldTerm, tokenize } from './tokenize';

/**
 * Search over the whole library: MiniSearch for the short fields (title, site, author, tags: ranked,
 * prefix and typo-tolerant), the compact BodyIndex for bodies. Every word typed must match somewhere
 * (title or body); the last word matches as a prefix while it is being typed.
 */

export interface SearchableArticle {
  id: string;
  title: string;
  siteName: string | null;
  byline: string | null;
  tags: readonly string[];
  /** The body's plain text ('' when it has not been downloaded yet). */
  text: string;
}

export interface SearchHit {
  id: string;
  score: number;
}

/**
 * The index as stored (format 2). The title index is stored as its documents, not as MiniSearch's own
 * JSON: `toJSON()` serializes the whole title index in one uninterruptible call (measured at 10,000
 * articles: 250–750 ms on a loaded 2-core machine, plus as long again to stringify), and every search
 * arriving meanwhile waited for it. Documents are written a chunk at a time and the title index is
 * rebuilt from them in slices when the page is idle, so neither writing nor loading holds up a keystroke.
 * (Format 1 held MiniSearch's JSON; such a snapshot is not read: the index is rebuilt once.)
 */
export interface LibrarySearchSnapshot {
  format: 2;
  /** The newest change (epoch ms) already reflected in the index. */
  watermark: number;
  /** The title documents, TITLE_CHUNK at a time, each chunk JSON of `TitleRow`s (strings clone fast). */
  titles: string[];
  body: BodyIndexSnapshot;
}

/** A title document as stored: id, title, site, byline, tags (joined by spaces). */
type TitleRow = [string, string, string, string, string];

interface MetaDocument {
  id: string;
  title: string;
  siteName: string;
  byline: string;
  tags: string;
}

const META_OPTIONS = {
  fields: ['title', 'siteName', 'byline', 'tags'],
  storeFields: [],
  tokenize: (text: string) => tokenize(text),
  processTerm: (term: string) => foldTerm(term),
};

/** Title documents per stored chunk (one chunk is serialized, or parsed, between two pause points). */
const TITLE_CHUNK = 250;
/** Title documents added to MiniSearch between two pause points while the title index is rebuilt. */
const TITLE_ADD_STEP = 100;

/** Title words outrank body words: a title match is what people usually look for. */
const META_WEIGHT = 2;
const MIN_BODY_PREFIX = 2;
/** Text a plain lower-case substring test cannot judge (accents are folded only by tokenizing). */
const NON_ASCII_TEXT = /[^ -~\t\n\r]/;

function metaDocument(article: SearchableArticle): MetaDocument {
  return {
    id: article.id,
    title: article.title,
    siteName: article.siteName ?? '',
    byline: article.byline ?? '',
    tags: article.tags.join(' '),
  };
}

/** Applies one change to a title index and its documents by id. */
function applyMetaChange(meta: MiniSearch<MetaDocument>, documents: Map<string, MetaDocument>, change: MetaChange): void {
  const id = 'upsert' in change ? change.upsert.id : change.remove;
  if (meta.has(id)) meta.discard(id);
  documents.delete(id);
  if ('upsert' in change) {
    meta.add(change.upsert);
    documents.set(id, change.upsert);
  }
}

const toRow = (document: MetaDocument): TitleRow => [document.id, document.title, document.siteName, document.byline, document.tags];
const fromRow = ([id, title, siteName, byline, tags]: TitleRow): MetaDocument => ({ id, title, siteName, byline, tags });

type MetaChange = { upsert: MetaDocument } | { remove: string };

export class LibrarySearch {
  /** The newest change (epoch ms) reflected in the index; refreshes read changes from here on. */
  watermark = 0;
  /** The stored title documents of a loaded snapshot, added to MiniSearch on first need. */
  private storedTitles: string[] | null = null;
  /** Changes made before the title index was rebuilt, applied once it is. */
  private pendingMeta: MetaChange[] = [];
  /** The title index's documents by id (what a snapshot stores); complete once the title index is. */
  private documents = new Map<string, MetaDocument>();

  private constructor(
    private meta: MiniSearch<MetaDocument> | null,
    private readonly body: BodyIndex,
  ) {}

  static empty(): LibrarySearch {
    return new LibrarySearch(new MiniSearch<MetaDocument>(META_OPTIONS), new BodyIndex());
  }

  /**
   * Loads a snapshot. The body index is ready at once (it also holds title, site and tag words, so
   * searching works); the ranked, typo-tolerant title index is rebuilt from its documents by
   * `loadTitleIndexInSlices`, called when the page is idle, or at the latest by `toSnapshot`.
   */
  static fromSnapshot(snapshot: LibrarySearchSnapshot): LibrarySearch {
    const search = new LibrarySearch(null, BodyIndex.fromSnapshot(snapshot.body));
    search.storedTitles = snapshot.titles;
    search.watermark = snapshot.watermark;
    return search;
  }

  /** Rebuilds the title index of a loaded snapshot (no-op when done). */
  loadTitleIndex(): MiniSearch<MetaDocument> {
    if (this.meta) return this.meta;
    return runAtOnce(this.titleIndexSteps());
  }

  /** `loadTitleIndex` in slices with pauses between them, for a worker that keeps answering. */
  async loadTitleIndexInSlices(pause?: Pause, sliceMs?: number): Promise<void> {
    if (this.meta) return;
    await runInSlices(this.titleIndexSteps(), pause, sliceMs);
  }

  /**
   * The title index rebuilt from the stored documents, a chunk parsed or TITLE_ADD_STEP documents added
   * per step. Changes meanwhile wait in `pendingMeta` and are applied at the end, in order, also
   * TITLE_ADD_STEP per step: after a big catch-up on a loaded snapshot (an import, or a library that
   * grew by thousands since its snapshot) they are most of the library, and applying them in one step
   * held the worker for 500–700 ms (traced at 10,000 articles) while searches waited. If a synchronous
   * caller rebuilt it meanwhile, that one is kept (it already holds those changes).
   */
  private *titleIndexSteps(): Generator<void, MiniSearch<MetaDocument>> {
    const stored = this.storedTitles ?? [];
    const meta = new MiniSearch<MetaDocument>(META_OPTIONS);
    const documents = new Map<string, MetaDocument>();
    for (const chunk of stored) {
      yield;
      const rows = (JSON.parse(chunk) as TitleRow[]).map(fromRow);
      for (let start = 0; start < rows.length; start += TITLE_ADD_STEP) {
        if (start > 0) yield;
        for (const document of rows.slice(start, start + TITLE_ADD_STEP)) {
          meta.add(document);
          documents.set(document.id, document);
        }
      }
    }
    // Changes keep arriving between steps (pushed to pendingMeta): the length is read again each time,
    // and the index is installed in the same step as the last change is applied.
    for (let applied = 0; applied < this.pendingMeta.length; applied += 1) {
      if (applied > 0 && applied % TITLE_ADD_STEP === 0) yield;
      if (this.meta) return this.meta;
      applyMetaChange(meta, documents, this.pendingMeta[applied]!);
    }
    if (this.meta) return this.meta;
    this.storedTitles = null;
    this.documents = documents;
    this.meta = meta;
    this.pendingMeta = [];
    return meta;
  }

  get titleIndexLoaded(): boolean {
    return this.meta !== null;
  }

  get size(): number {
    return this.body.size;
  }

  has(id: string): boolean {
    return this.body.has(id);
  }

  upsert(article: SearchableArticle): void {
    const change = { upsert: metaDocument(article) };
    if (this.meta) applyMetaChange(this.meta, this.documents, change);
    else this.pendingMeta.push(change);
    // Title, site and tag words go into the body index too: it answers alone until MiniSearch is parsed.
    this.body.add(article.id, `${article.title} ${article.siteName ?? ''} ${article.byline ?? ''} ${article.tags.join(' ')}\n${article.text}`);
  }

  /** Call after adding many articles at once. */
  compact(): void {
    this.body.compact();
  }

  remove(id: string): void {
    if (this.meta) applyMetaChange(this.meta, this.documents, { remove: id });
    else this.pendingMeta.push({ remove: id });
    this.body.remove(id);
  }

  search(query: string, limit = 50): SearchHit[] {
    const words = tokenize(query);
    if (words.length === 0) return [];
    const typing = !/\s$/.test(query);
    const capacity = this.body.capacity;
    const total = new Float64Array(capacity);
    const matchedWords = new Uint16Array(capacity);
    const wordScore = new Float64Array(capacity);

    words.forEach((word, i) => {
      const isPrefix = typing && i === words.length - 1;
      wordScore.fill(0);
      const bodyTerms = isPrefix && word.length >= MIN_BODY_PREFIX ? this.body.completions(word) : [word];
      for (const term of bodyTerms) {
        const weight = this.body.weight(term);
        const postings = this.body.exact(term);
        for (let k = 0; k < postings.length; k += 1) {
          const ordinal = postings[k]!;
          if (weight > wordScore[ordinal]!) wordScore[ordinal] = weight;
        }
      }
      const metaHits = this.meta ? this.meta.search(word, { prefix: isPrefix, fuzzy: word.length > 4 ? 0.2 : false, boost: { title: 2 } }) : [];
      for (const hit of metaHits) {
        const ordinal = this.body.ordinalOf(hit.id as string);
        if (ordinal !== undefined) wordScore[ordinal] = wordScore[ordinal]! + META_WEIGHT * hit.score;
      }
      for (let ordinal = 0; ordinal < capacity; ordinal += 1) {
        if (wordScore[ordinal]! > 0) {
          matchedWords[ordinal] = matchedWords[ordinal]! + 1;
          total[ordinal] = total[ordinal]! + wordScore[ordinal]!;
        }
      }
    });

    // Sort ordinals by score (ties: the more recently indexed first) with plain number comparisons, and
    // look ids up only for the hits returned: common words match every article.
    const matched: number[] = [];
    for (let ordinal = 0; ordinal < capacity; ordinal += 1) {
      if (matchedWords[ordinal] === words.length && this.body.idAt(ordinal) !== null) matched.push(ordinal);
    }
    return topHits(matched, total, limit).map((ordinal) => ({ id: this.body.idAt(ordinal)!, score: total[ordinal]! }));
  }

  /**
   * Scores one article's text against `query` without the index (for articles not indexed yet, while a
   * build runs): null unless every word matches (the last one as a prefix while typing), else the sum
   * of each word's best term weight, as `search` counts body matches. A plain substring test rejects
   * most texts before they are split into words.
   */
  scoreText(query: string, text: string): number | null {
    const words = tokenize(query);
    if (words.length === 0) return null;
    const lower = text.toLowerCase();
    if (!NON_ASCII_TEXT.test(lower) && words.some((word) => !lower.includes(word))) return null;
    const typing = !/\s$/.test(query);
    const terms = distinctTerms(text);
    let score = 0;
    for (const [i, word] of words.entries()) {
      const prefix = typing && i === words.length - 1 && word.length >= MIN_BODY_PREFIX;
      let best = terms.has(word) ? this.textWeight(word) : 0;
      if (prefix) for (const term of terms) if (term.startsWith(word)) best = Math.max(best, this.textWeight(term));
      if (best === 0) return null;
      score += best;
    }
    return score;
  }

  /** A term's weight for `scoreText`: as in the index, or as rare as can be when the index has not seen it. */
  private textWeight(term: string): number {
    return this.body.weight(term) || Math.log(1 + Math.max(1, this.body.size));
  }

  toSnapshot(): LibrarySearchSnapshot {
    return runAtOnce(this.snapshotSteps());
  }

  /** The snapshot written in slices between which searches are answered (./time-slices.ts). */
  async toSnapshotInSlices(pause?: Pause, sliceMs?: number): Promise<LibrarySearchSnapshot> {
    await this.loadTitleIndexInSlices();
    return runInSlices(this.snapshotSteps(), pause, sliceMs);
  }

  /**
   * The snapshot as steps. Everything is captured in the first step (the watermark, the title
   * documents, the body index's live documents); the later steps only serialize those copies, so
   * changes made while they wait are not in it, and are read again after the watermark next time.
   */
  private *snapshotSteps(): Generator<void, LibrarySearchSnapshot> {
    const watermark = this.watermark;
    this.loadTitleIndex();
    const documents = [...this.documents.values()];
    const body = this.body.snapshotSteps();
    body.next();
    const titles: string[] = [];
    for (let start = 0; start < documents.length; start += TITLE_CHUNK) {
      yield;
      titles.push(JSON.stringify(documents.slice(start, start + TITLE_CHUNK).map(toRow)));
    }
    return { format: 2, watermark, titles, body: yield* body };
  }
}

/**
 * The `limit` best ordinals by score, best first (ties: higher ordinal first). When a common word matches
 * most of the library, only the candidates at or above the limit-th best score are sorted.
 */
export function topHits(ordinals: number[], scores: Float64Array, limit: number): number[] {
  let candidates = ordinals;
  if (ordinals.length > limit * 4) {
    const sorted = Float64Array.from(ordinals, (ordinal) => scores[ordinal]!).sort();
    const threshold = sorted[sorted.length - limit]!;
    candidates = ordinals.filter((ordinal) => scores[ordinal]! >= threshold);
  }
  candidates.sort((a, b) => scores[b]! - scores[a]! || b - a);
  return candidates.slice(0, limit);
}
