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

export interface LibrarySearchSnapshot {
  format: 1;
  /** The newest change (epoch ms) already reflected in the index. */
  watermark: number;
  /** MiniSearch's JSON (a string: cloning it into IndexedDB is much faster than the object tree). */
  meta: string;
  body: BodyIndexSnapshot;
}

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

/** MiniSearch terms serialized between two pause points. */
const SNAPSHOT_STEP_TERMS = 2_000;

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

type MetaChange = { upsert: MetaDocument } | { remove: string };

export class LibrarySearch {
  /** The newest change (epoch ms) reflected in the index; refreshes read changes from here on. */
  watermark = 0;
  /** MiniSearch's JSON from a snapshot, parsed on first need (it is the slow part of loading). */
  private metaJson: string | null = null;
  /** Changes made before the MiniSearch part was parsed, applied once it is. */
  private pendingMeta: MetaChange[] = [];

  private constructor(
    private meta: MiniSearch<MetaDocument> | null,
    private readonly body: BodyIndex,
  ) {}

  static empty(): LibrarySearch {
    return new LibrarySearch(new MiniSearch<MetaDocument>(META_OPTIONS), new BodyIndex());
  }

  /**
   * Loads a snapshot. The body index is ready at once (it also holds title, site and tag words, so
   * searching works); the ranked, typo-tolerant title index is parsed by `loadTitleIndex`, called when
   * the page is idle, or at the latest by `toSnapshot`.
   */
  static fromSnapshot(snapshot: LibrarySearchSnapshot): LibrarySearch {
    const search = new LibrarySearch(null, BodyIndex.fromSnapshot(snapshot.body));
    search.metaJson = snapshot.meta;
    search.watermark = snapshot.watermark;
    return search;
  }

  /** Parses the title index of a loaded snapshot (no-op when done). */
  loadTitleIndex(): MiniSearch<MetaDocument> {
    if (this.meta) return this.meta;
    return this.adoptTitleIndex(this.metaJson ? MiniSearch.loadJSON<MetaDocument>(this.metaJson, META_OPTIONS) : new MiniSearch<MetaDocument>(META_OPTIONS));
  }

  /** `loadTitleIndex` in batches with pauses (MiniSearch's own async loader), for a worker that keeps answering. */
  async loadTitleIndexInSlices(): Promise<void> {
    if (this.meta || !this.metaJson) return void this.loadTitleIndex();
    const json = this.metaJson;
    const meta = await MiniSearch.loadJSONAsync<MetaDocument>(json, META_OPTIONS);
    // Loaded meanwhile by a synchronous caller: keep that one (it already holds the pending changes).
    if (!this.meta && this.metaJson === json) this.adoptTitleIndex(meta);
  }

  private adoptTitleIndex(meta: MiniSearch<MetaDocument>): MiniSearch<MetaDocument> {
    this.metaJson = null;
    for (const change of this.pendingMeta) {
      const id = 'upsert' in change ? change.upsert.id : change.remove;
      if (meta.has(id)) meta.discard(id);
      if ('upsert' in change) meta.add(change.upsert);
    }
    this.pendingMeta = [];
    this.meta = meta;
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
    const document = metaDocument(article);
    if (this.meta) {
      if (this.meta.has(article.id)) this.meta.discard(article.id);
      this.meta.add(document);
    } else {
      this.pendingMeta.push({ upsert: document });
    }
    // Title, site and tag words go into the body index too: it answers alone until MiniSearch is parsed.
    this.body.add(article.id, `${article.title} ${article.siteName ?? ''} ${article.byline ?? ''} ${article.tags.join(' ')}\n${article.text}`);
  }

  /** Call after adding many articles at once. */
  compact(): void {
    this.body.compact();
  }

  remove(id: string): void {
    if (this.meta) {
      if (this.meta.has(id)) this.meta.discard(id);
    } else {
      this.pendingMeta.push({ remove: id });
    }
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
   * The snapshot as steps. Everything is captured in the first step (the watermark, MiniSearch's
   * serializable copy, the body index's live documents); the later steps only serialize those copies,
   * so changes made while they wait are not in it, and are read again after the watermark next time.
   */
  private *snapshotSteps(): Generator<void, LibrarySearchSnapshot> {
    const watermark = this.watermark;
    const { index: terms, ...rest } = this.loadTitleIndex().toJSON();
    const body = this.body.snapshotSteps();
    body.next();
    // MiniSearch's JSON written piece by piece: its term list is most of it.
    const parts = [`${JSON.stringify(rest).slice(0, -1)},"index":[`];
    for (let start = 0; start < terms.length; start += SNAPSHOT_STEP_TERMS) {
      yield;
      parts.push((start > 0 ? ',' : '') + terms.slice(start, start + SNAPSHOT_STEP_TERMS).map((entry) => JSON.stringify(entry)).join(','));
    }
    parts.push(']}');
    return { format: 1, watermark, meta: parts.join(''), body: yield* body };
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
