import { BUCKET_COUNT, ITEM_SAFETY_BYTES, MAX_RECORD_BYTES, QUOTA_BYTES_PER_ITEM, SYNC_EPOCH_MS } from './constants';
import { utf8Length } from './byte-size';
import { isLive } from './entry-merge';
import { bucketOf, encodeItem, itemKey, type ItemValue } from './item-codec';
import { encodeRecord, type Dictionaries } from './record-codec';
import type { SyncEntry } from './types';

/**
 * Decides what goes into storage.sync and how it is packed, as a pure function of the state, so every
 * device with the same state writes byte-identical items (no ping-pong between devices).
 * 1. Rank: live articles by savedAt, tombstones by delete time, newest first (ties by URL).
 * 2. Keep the longest prefix of that ranking whose packed size fits the byte and item budgets
 *    ("the most recent articles that fit"), found by a search whose probes depend only on the state.
 * 3. Pack each bucket (by URL hash) into items, records sorted by URL, a new part only when an item
 *    would pass the per-item limit after compression. An edit changes one bucket, so one item is
 *    rewritten; packed buckets are cached, so a layout after one edit compresses one bucket again.
 */

export interface LayoutBudget {
  bytes: number;
  items: number;
}

export interface Layout {
  items: Record<string, ItemValue>;
  /** JSON of each item (what storage.sync stores), to compare without serialising again. */
  json: Record<string, string>;
  /** The entries packed into each item. */
  entriesByKey: Record<string, SyncEntry[]>;
  bytes: number;
  syncedLive: number;
  syncedUrls: Set<string>;
  /** Entries left out because a single record is too large to sync. */
  oversize: number;
}

const ITEM_LIMIT = QUOTA_BYTES_PER_ITEM - ITEM_SAFETY_BYTES;
/** Raw bytes per compressed byte assumed for first guesses (measured ≈ 1.37; guesses are verified). */
const GUESS_RATIO = 1.3;

function rankSeconds(e: SyncEntry): number {
  return isLive(e) ? e.saved.v : Math.floor((e.deletedAt + SYNC_EPOCH_MS) / 1000);
}

export function rankEntries(entries: Iterable<SyncEntry>): SyncEntry[] {
  return [...entries].sort((a, b) => rankSeconds(b) - rankSeconds(a) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** JSON cost of a string as an array element (quotes, escapes, comma). */
const elementBytes = (s: string) => utf8Length(JSON.stringify(s)) + 1;

/** Builds one item's dictionaries and records. */
class PartBuilder {
  readonly sites: string[] = [];
  readonly tags: string[] = [];
  readonly records: string[] = [];
  private readonly siteIndex = new Map<string, number>();
  private readonly tagIndex = new Map<string, number>();
  private readonly dict: Dictionaries = {
    site: (v) => this.lookup(v, this.siteIndex, this.sites),
    tag: (v) => this.lookup(v, this.tagIndex, this.tags),
  };

  private lookup(v: string, index: Map<string, number>, list: string[]): number {
    let i = index.get(v);
    if (i === undefined) {
      i = list.push(v) - 1;
      index.set(v, i);
    }
    return i;
  }

  add(e: SyncEntry): void {
    this.records.push(encodeRecord(e, this.dict));
  }
}

interface PackedPart {
  key: string;
  value: ItemValue;
  json: string;
  bytes: number;
  entries: SyncEntry[];
}

function buildPart(key: string, entries: SyncEntry[]): PackedPart {
  const builder = new PartBuilder();
  for (const e of entries) builder.add(e);
  const value = encodeItem(builder.sites, builder.tags, builder.records);
  const json = JSON.stringify(value);
  return { key, value, json, bytes: utf8Length(key) + utf8Length(json), entries };
}

/** Splits a bucket's entries (sorted by URL) into items of at most ITEM_LIMIT bytes, each as full as
 * it can be: a first guess from raw sizes, then shrink or grow (galloping) against real sizes. */
function packBucket(bucket: number, list: SyncEntry[], rawCost: (e: SyncEntry) => number): PackedPart[] {
  const parts: PackedPart[] = [];
  let i = 0;
  while (i < list.length) {
    const key = itemKey(bucket, parts.length);
    let j = i;
    let raw = 0;
    while (j < list.length && (j === i || raw + rawCost(list[j] as SyncEntry) <= ITEM_LIMIT * GUESS_RATIO)) raw += rawCost(list[j++] as SyncEntry);
    let part = buildPart(key, list.slice(i, j));
    while (part.bytes > ITEM_LIMIT && j - i > 1) {
      j = i + Math.max(1, Math.min(j - i - 1, Math.floor(((j - i) * ITEM_LIMIT) / part.bytes)));
      part = buildPart(key, list.slice(i, j));
    }
    while (j < list.length) {
      let m = Math.min(list.length - j, Math.max(1, Math.floor((ITEM_LIMIT - part.bytes) / (part.bytes / (j - i)))));
      let grown: PackedPart | null = null;
      while (m >= 1 && !grown) {
        const candidate = buildPart(key, list.slice(i, j + m));
        if (candidate.bytes <= ITEM_LIMIT) grown = candidate;
        else m = Math.floor(m / 2);
      }
      if (!grown) break;
      part = grown;
      j += m;
    }
    parts.push(part);
    i = j;
  }
  return parts;
}

const VERSIONS_PER_BUCKET = 24;

/**
 * Remembers per-entry raw sizes and recently packed buckets (entries are immutable: a change
 * replaces the object), so a layout after one edit compresses one bucket, not the whole library.
 */
export class LayoutCache {
  private readonly raw = new WeakMap<SyncEntry, number>();
  private readonly buckets = new Map<number, Array<{ entries: SyncEntry[]; parts: PackedPart[] }>>();

  rawBytes(e: SyncEntry): number {
    let n = this.raw.get(e);
    if (n === undefined) {
      n = elementBytes(encodeRecord(e, { site: () => 0, tag: () => 0 })) + elementBytes(e.site.v) + Object.keys(e.tags).reduce((s, t) => s + elementBytes(t), 0);
      this.raw.set(e, n);
    }
    return n;
  }

  packed(bucket: number, list: SyncEntry[]): PackedPart[] {
    const versions = this.buckets.get(bucket) ?? [];
    const hit = versions.find((v) => sameEntries(v.entries, list));
    if (hit) return hit.parts;
    const parts = packBucket(bucket, list, (e) => this.rawBytes(e));
    versions.unshift({ entries: list, parts });
    if (versions.length > VERSIONS_PER_BUCKET) versions.pop();
    this.buckets.set(bucket, versions);
    return parts;
  }
}

const sameEntries = (a: SyncEntry[], b: SyncEntry[]) => a.length === b.length && a.every((e, i) => e === b[i]);

interface Packed {
  parts: PackedPart[];
  bytes: number;
}

function pack(selected: SyncEntry[], cache: LayoutCache): Packed {
  const buckets: SyncEntry[][] = Array.from({ length: BUCKET_COUNT }, () => []);
  for (const e of selected) buckets[bucketOf(e.url)]?.push(e);
  const parts: PackedPart[] = [];
  buckets.forEach((list, bucket) => {
    if (list.length === 0) return;
    list.sort((a, b) => (a.url < b.url ? -1 : 1));
    parts.push(...cache.packed(bucket, list));
  });
  return { parts, bytes: parts.reduce((n, p) => n + p.bytes, 0) };
}

export function computeLayout(entries: Iterable<SyncEntry>, budget: LayoutBudget, cache = new LayoutCache()): Layout {
  const ranked: SyncEntry[] = [];
  let oversize = 0;
  for (const e of rankEntries(entries)) {
    if (cache.rawBytes(e) > MAX_RECORD_BYTES) oversize++;
    else ranked.push(e);
  }
  const memo = new Map<number, Packed | null>();
  const fits = (k: number): boolean => {
    if (!memo.has(k)) {
      const packed = pack(ranked.slice(0, k), cache);
      memo.set(k, packed.bytes <= budget.bytes && packed.parts.length <= budget.items ? packed : null);
    }
    return memo.get(k) !== null;
  };
  // Largest fitting prefix. Every probe depends only on the ranking, so devices agree on the result.
  let k = ranked.length;
  if (!fits(k)) {
    let raw = 0;
    let guess = 0;
    while (guess < ranked.length && raw + cache.rawBytes(ranked[guess] as SyncEntry) <= budget.bytes * GUESS_RATIO) raw += cache.rawBytes(ranked[guess++] as SyncEntry);
    let lo = 0; // fits
    let hi = ranked.length; // does not fit
    let step = Math.max(1, Math.ceil(guess / 32));
    if (fits(guess)) {
      lo = guess;
      while (lo + step < hi && fits(lo + step)) {
        lo += step;
        step *= 2;
      }
      hi = Math.min(hi, lo + step);
    } else {
      hi = guess;
      while (hi - step > lo && !fits(hi - step)) {
        hi -= step;
        step *= 2;
      }
      lo = Math.max(lo, hi - step);
      if (!fits(lo)) lo = 0;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    k = lo;
    fits(k);
  }
  const packed = memo.get(k) ?? { parts: [], bytes: 0 };
  const selected = ranked.slice(0, k);
  return {
    items: Object.fromEntries(packed.parts.map((p) => [p.key, p.value])),
    json: Object.fromEntries(packed.parts.map((p) => [p.key, p.json])),
    entriesByKey: Object.fromEntries(packed.parts.map((p) => [p.key, p.entries])),
    bytes: packed.bytes,
    syncedLive: selected.filter(isLive).length,
    syncedUrls: new Set(selected.map((e) => e.url)),
    oversize,
  };
}
