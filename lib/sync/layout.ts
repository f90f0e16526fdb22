import { BUCKET_COUNT, ITEM_SAFETY_BYTES, MAX_RECORD_BYTES, QUOTA_BYTES_PER_ITEM, SYNC_EPOCH_MS } from './constants';
import { utf8Length } from './byte-size';
import { isLive } from './entry-merge';
import { bucketOf, itemKey, type ItemValue } from './item-codec';
import { encodeRecord, type Dictionaries } from './record-codec';
import type { SyncEntry } from './types';

/**
 * Decides what goes into storage.sync and how it is packed, as a pure function of the state, so every
 * device with the same state writes byte-identical items (no ping-pong between devices).
 * 1. Rank: live articles by savedAt, tombstones by delete time, newest first (ties by URL).
 * 2. Keep the longest prefix of that ranking whose packed size fits the byte and item budgets
 *    ("the most recent articles that fit").
 * 3. Pack each bucket (by URL hash) into items, records sorted by URL, a new part only when an item
 *    would pass the per-item limit. An edit changes one bucket, so one item is rewritten.
 */

export interface LayoutBudget {
  bytes: number;
  items: number;
}

export interface Layout {
  items: Record<string, ItemValue>;
  /** JSON of each item (what storage.sync stores), to compare without serialising again. */
  json: Record<string, string>;
  bytes: number;
  syncedLive: number;
  syncedUrls: Set<string>;
  /** Entries left out because a single record is too large to sync. */
  oversize: number;
}

const ITEM_LIMIT = QUOTA_BYTES_PER_ITEM - ITEM_SAFETY_BYTES;

function rankSeconds(e: SyncEntry): number {
  return isLive(e) ? e.saved.v : Math.floor((e.deletedAt + SYNC_EPOCH_MS) / 1000);
}

export function rankEntries(entries: Iterable<SyncEntry>): SyncEntry[] {
  return [...entries].sort((a, b) => rankSeconds(b) - rankSeconds(a) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** JSON cost of a string as an array element (quotes, escapes, comma). */
const elementBytes = (s: string) => utf8Length(JSON.stringify(s)) + 1;

class PartBuilder {
  readonly sites: string[] = [];
  readonly tags: string[] = [];
  readonly records: string[] = [];
  private readonly siteIndex = new Map<string, number>();
  private readonly tagIndex = new Map<string, number>();
  /** key + `[[],[],[]]` with elements: trailing commas are over-counted by one per array (safe). */
  bytes: number;

  constructor(readonly key: string) {
    this.bytes = utf8Length(key) + 10;
  }

  /** Encodes `e` into this part; returns the bytes it would add and a commit function. */
  tryAdd(e: SyncEntry): { added: number; commit: () => void } {
    const newSites: string[] = [];
    const newTags: string[] = [];
    const dict: Dictionaries = {
      site: (v) => this.siteIndex.get(v) ?? this.sites.length + (newSites.includes(v) ? newSites.indexOf(v) : newSites.push(v) - 1),
      tag: (v) => this.tagIndex.get(v) ?? this.tags.length + (newTags.includes(v) ? newTags.indexOf(v) : newTags.push(v) - 1),
    };
    const record = encodeRecord(e, dict);
    const added = elementBytes(record) + newSites.reduce((n, s) => n + elementBytes(s), 0) + newTags.reduce((n, s) => n + elementBytes(s), 0);
    return {
      added,
      commit: () => {
        for (const s of newSites) this.siteIndex.set(s, this.sites.push(s) - 1);
        for (const t of newTags) this.tagIndex.set(t, this.tags.push(t) - 1);
        this.records.push(record);
        this.bytes += added;
      },
    };
  }
}

function packBucket(bucket: number, entries: SyncEntry[]): PartBuilder[] {
  const parts = [new PartBuilder(itemKey(bucket, 0))];
  for (const e of entries) {
    let part = parts[parts.length - 1] as PartBuilder;
    let attempt = part.tryAdd(e);
    if (part.records.length > 0 && part.bytes + attempt.added > ITEM_LIMIT) {
      part = new PartBuilder(itemKey(bucket, parts.length));
      parts.push(part);
      attempt = part.tryAdd(e);
    }
    attempt.commit();
  }
  return parts.filter((p) => p.records.length > 0);
}

interface PackedBucket {
  entries: SyncEntry[];
  parts: Array<{ key: string; value: ItemValue; json: string; bytes: number }>;
}

interface EntryCost {
  /** The record's bytes as an array element with one-character dictionary indexes. */
  record: number;
  site: string | null;
  tags: string[];
}

/**
 * Remembers per-entry costs and packed buckets between layouts (entries are immutable: a change
 * replaces the object), so a layout after one edit re-encodes one bucket, not the whole library.
 */
export class LayoutCache {
  readonly costs = new WeakMap<SyncEntry, EntryCost>();
  readonly buckets = new Map<number, PackedBucket>();

  cost(e: SyncEntry): EntryCost {
    let c = this.costs.get(e);
    if (!c) {
      const record = encodeRecord(e, { site: () => 0, tag: () => 0 });
      c = { record: elementBytes(record), site: e.site.t === 0 ? null : e.site.v, tags: Object.keys(e.tags) };
      this.costs.set(e, c);
    }
    return c;
  }
}

const sameEntries = (a: SyncEntry[], b: SyncEntry[]) => a.length === b.length && a.every((e, i) => e === b[i]);

function pack(selected: SyncEntry[], cache: LayoutCache): { items: Record<string, ItemValue>; json: Record<string, string>; bytes: number; count: number } {
  const buckets: SyncEntry[][] = Array.from({ length: BUCKET_COUNT }, () => []);
  for (const e of selected) buckets[bucketOf(e.url)]?.push(e);
  const items: Record<string, ItemValue> = {};
  const json: Record<string, string> = {};
  let bytes = 0;
  let count = 0;
  buckets.forEach((list, bucket) => {
    list.sort((a, b) => (a.url < b.url ? -1 : 1));
    let packed = cache.buckets.get(bucket);
    if (!packed || !sameEntries(packed.entries, list)) {
      const parts = packBucket(bucket, list).map((p) => {
        const value: ItemValue = [p.sites, p.tags, p.records];
        return { key: p.key, value, json: JSON.stringify(value), bytes: p.bytes };
      });
      packed = { entries: list, parts };
      cache.buckets.set(bucket, packed);
    }
    for (const part of packed.parts) {
      items[part.key] = part.value;
      json[part.key] = part.json;
      bytes += part.bytes;
      count++;
    }
  });
  return { items, json, bytes, count };
}

/** Extra bytes a dictionary index takes beyond the one character the cached cost assumes. */
const indexExtra = (index: number) => (index < 36 ? 0 : index < 1296 ? 1 : 2);

export function computeLayout(entries: Iterable<SyncEntry>, budget: LayoutBudget, cache = new LayoutCache()): Layout {
  const ranked: SyncEntry[] = [];
  let oversize = 0;
  for (const e of rankEntries(entries)) {
    if (cache.cost(e).record > MAX_RECORD_BYTES) oversize++;
    else ranked.push(e);
  }
  // Estimate the prefix that fits (dictionaries shared within a bucket), then confirm by packing.
  const dicts = Array.from({ length: BUCKET_COUNT }, () => ({ sites: new Map<string, number>(), tags: new Map<string, number>(), used: false }));
  const itemOverhead = utf8Length(itemKey(BUCKET_COUNT, 0)) + 10;
  let estimate = 0;
  let k = 0;
  for (const e of ranked) {
    const c = cache.cost(e);
    const dict = dicts[bucketOf(e.url)] as (typeof dicts)[number];
    let added = c.record + (dict.used ? 0 : itemOverhead);
    const newSite = c.site !== null && !dict.sites.has(c.site);
    if (c.site !== null) added += newSite ? elementBytes(c.site) + indexExtra(dict.sites.size) : indexExtra(dict.sites.get(c.site) as number);
    const newTags = c.tags.filter((t) => !dict.tags.has(t));
    for (const t of c.tags) added += dict.tags.has(t) ? indexExtra(dict.tags.get(t) as number) : elementBytes(t) + indexExtra(dict.tags.size + newTags.indexOf(t));
    if (estimate + added > budget.bytes) break;
    if (newSite && c.site !== null) dict.sites.set(c.site, dict.sites.size);
    for (const t of newTags) dict.tags.set(t, dict.tags.size);
    dict.used = true;
    estimate += added;
    k++;
  }
  for (;;) {
    const selected = ranked.slice(0, k);
    const packed = pack(selected, cache);
    if ((packed.bytes <= budget.bytes && packed.count <= budget.items) || k === 0) {
      return {
        items: packed.items,
        json: packed.json,
        bytes: packed.bytes,
        syncedLive: selected.filter(isLive).length,
        syncedUrls: new Set(selected.map((e) => e.url)),
        oversize,
      };
    }
    k -= Math.max(1, Math.ceil(k / 100));
  }
}
