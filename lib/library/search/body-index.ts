import { runAtOnce } from './time-slices';
import { distinctTerms } from './tokenize';
import { lowerBound } from '../../sorted-search';

/**
 * Full-text index over article bodies. MiniSearch over 2,000 synthetic 1,200-word bodies took 11 s to
 * build, 74 MB of heap and 345 ms per prefix query (scripts/_measure notes in the report), so bodies get
 * this compact inverted index instead: each term maps to the ascending ordinals of the documents
 * containing it (presence only, no positions), stored as typed arrays once built or loaded. Deleting
 * marks an ordinal dead; a snapshot drops dead ordinals.
 */

export interface BodyIndexSnapshot {
  format: 1;
  /** Document ids by ordinal. */
  ids: string[];
  /** Terms joined by newlines (one string clones far faster than 200,000 small ones). */
  terms: string;
  /** postings for term i are postings[offsets[i]] .. postings[offsets[i + 1]). */
  offsets: Uint32Array;
  postings: Uint32Array;
}

type Postings = Uint32Array | number[];

/** Terms counted, and postings copied, into a snapshot between two pause points. */
const SNAPSHOT_STEP_TERMS = 2_000;
const SNAPSHOT_STEP_POSTINGS = 50_000;
/** Query-time cap on how many completions of a typed prefix are looked at (the most common win). */
const MAX_PREFIX_EXPANSIONS = 64;
/** New terms scanned one by one before they are merged into the sorted list. */
const MAX_UNSORTED_TERMS = 2_000;

export class BodyIndex {
  private ids: (string | null)[] = [];
  private readonly ordinals = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  /**
   * Every term in code-unit order, for prefix completions: kept sorted by `compact()` (after a build or
   * a big catch-up) and by loading, so no keystroke pays for sorting. It used to be sorted on the first
   * prefix search instead, which made the first search after a build the slowest of all (30 ms for
   * 20,000 terms in Node at rest, far more for a real library's vocabulary on a loaded machine).
   * Replaced, never changed in place: a snapshot being written keeps the array it started with.
   */
  private sortedTerms: string[] = [];
  /** Terms added since: scanned directly, merged in by `compact()` or when there are many. */
  private newTerms: string[] = [];

  get size(): number {
    return this.ordinals.size;
  }

  /** How many ordinals exist, dead ones included (the length of per-document score arrays). */
  get capacity(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.ordinals.has(id);
  }

  ordinalOf(id: string): number | undefined {
    return this.ordinals.get(id);
  }

  idAt(ordinal: number): string | null {
    return this.ids[ordinal] ?? null;
  }

  /** Adds (or replaces) a document. An article without a body yet is added with '' so it has an ordinal. */
  add(id: string, text: string): number {
    this.remove(id);
    const ordinal = this.ids.length;
    this.ids.push(id);
    this.ordinals.set(id, ordinal);
    for (const term of distinctTerms(text)) {
      const list = this.postings.get(term);
      if (!list) {
        this.postings.set(term, [ordinal]);
        this.newTerms.push(term);
      } else if (Array.isArray(list)) {
        list.push(ordinal);
      } else {
        // Loaded lists are typed arrays; the first addition copies that one list into a growable array.
        const grown = Array.from(list);
        grown.push(ordinal);
        this.postings.set(term, grown);
      }
    }
    return ordinal;
  }

  /** Turns growable lists into typed arrays (after a bulk build: a quarter of the memory) and sorts new terms in. */
  compact(): void {
    for (const [term, list] of this.postings) if (Array.isArray(list)) this.postings.set(term, Uint32Array.from(list));
    this.mergeNewTerms();
  }

  /** `sortedTerms` with the new terms merged in (one pass over the sorted list: it is already in order). */
  private mergeNewTerms(): string[] {
    if (this.newTerms.length === 0) return this.sortedTerms;
    const added = this.newTerms.sort();
    const sorted = this.sortedTerms;
    const merged = new Array<string>(sorted.length + added.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k += 1) merged[k] = j >= added.length || (i < sorted.length && sorted[i]! < added[j]!) ? sorted[i++]! : added[j++]!;
    this.sortedTerms = merged;
    this.newTerms = [];
    return merged;
  }

  remove(id: string): void {
    const ordinal = this.ordinals.get(id);
    if (ordinal === undefined) return;
    this.ids[ordinal] = null;
    this.ordinals.delete(id);
  }

  /** Live ordinals containing `term` exactly. */
  exact(term: string): Postings {
    return this.postings.get(term) ?? [];
  }

  /**
   * Terms starting with `prefix` (the word being typed), most frequent first, at most
   * MAX_PREFIX_EXPANSIONS of them.
   */
  completions(prefix: string): string[] {
    // Merging after each save would cost more than the search: a few new terms wait aside.
    const sorted = this.newTerms.length > MAX_UNSORTED_TERMS ? this.mergeNewTerms() : this.sortedTerms;
    const found: string[] = [];
    for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i += 1) found.push(sorted[i]!);
    for (const term of this.newTerms) if (term.startsWith(prefix)) found.push(term);
    if (found.length <= MAX_PREFIX_EXPANSIONS) return found;
    return found.sort((a, b) => this.exact(b).length - this.exact(a).length).slice(0, MAX_PREFIX_EXPANSIONS);
  }

  /** Document frequency weight: rare terms count more. */
  weight(term: string): number {
    const df = this.exact(term).length;
    return df === 0 ? 0 : Math.log(1 + this.size / df);
  }

  toSnapshot(): BodyIndexSnapshot {
    return runAtOnce(this.snapshotSteps());
  }

  /**
   * The snapshot as steps (see ./time-slices.ts), terms in sorted order, SNAPSHOT_STEP_TERMS terms per
   * step (nothing proportional to the whole index runs in one step: no copy of the term map). The index
   * is captured in the first step: the live documents' ordinals and the sorted term list (replaced, never
   * changed, by later merges). Documents added, replaced or removed while the later steps wait are left
   * out (their ordinals are past the captured ones, and the captured ids do not change), and so are terms
   * new since; lists only grow at their end, or are replaced by a copy holding the same ordinals first.
   */
  *snapshotSteps(): Generator<void, BodyIndexSnapshot> {
    // Compact: renumber live documents 0..n-1 and drop dead ordinals from every list.
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    this.ids.forEach((id, ordinal) => {
      if (id !== null) {
        renumber[ordinal] = ids.length;
        ids.push(id);
      }
    });
    const terms = this.mergeNewTerms();
    const captured = renumber.length;
    let total = 0;
    for (let start = 0; start < terms.length; start += SNAPSHOT_STEP_TERMS) {
      yield;
      for (const term of terms.slice(start, start + SNAPSHOT_STEP_TERMS)) total += this.exact(term).length;
    }
    const postings = new Uint32Array(total);
    const kept: string[] = [];
    const offsetList: number[] = [0];
    let cursor = 0;
    // Steps by work, not by terms: a common word's list holds every article.
    let sinceStep = 0;
    for (const term of terms) {
      if (sinceStep >= SNAPSHOT_STEP_POSTINGS) {
        yield;
        sinceStep = 0;
      }
      const list = this.exact(term);
      const first = cursor;
      for (let i = 0; i < list.length && list[i]! < captured; i += 1) {
        const mapped = renumber[list[i]!]!;
        if (mapped >= 0) postings[cursor++] = mapped;
      }
      sinceStep += list.length + 1;
      if (cursor > first) {
        kept.push(term);
        offsetList.push(cursor);
      }
    }
    yield;
    return { format: 1, ids, terms: kept.join('\n'), offsets: Uint32Array.from(offsetList), postings: postings.slice(0, cursor) };
  }

  static fromSnapshot(snapshot: BodyIndexSnapshot): BodyIndex {
    const index = new BodyIndex();
    index.ids = [...snapshot.ids];
    snapshot.ids.forEach((id, ordinal) => index.ordinals.set(id, ordinal));
    const terms = snapshot.terms === '' ? [] : snapshot.terms.split('\n');
    terms.forEach((term, i) => {
      index.postings.set(term, snapshot.postings.subarray(snapshot.offsets[i]!, snapshot.offsets[i + 1]!));
    });
    // Snapshots are written in sorted order, so this is one pass (the sort finds a single run).
    index.sortedTerms = terms.sort();
    return index;
  }
}
