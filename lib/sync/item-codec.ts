import { BUCKET_COUNT, KEY_PREFIX, MANIFEST_KEY } from './constants';
import { decodeRecord } from './record-codec';
import type { SyncEntry } from './types';

/**
 * A data item is `folio:s:<bucket>.<part>` → [sites, tags, records]: two dictionaries then records
 * (record-codec.ts). Items are self-contained, so a device can merge any item it receives on its own,
 * in any order. The manifest item `folio:s:m` carries the format version.
 */
export type ItemValue = [string[], string[], string[]];

export function itemKey(bucket: number, part: number): string {
  return `${KEY_PREFIX}${bucket.toString(36)}.${part.toString(36)}`;
}

export function isDataKey(key: string): boolean {
  return key.startsWith(KEY_PREFIX) && key !== MANIFEST_KEY;
}

/** FNV-1a of the URL: a stable bucket, the same on every device. */
export function bucketOf(url: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKET_COUNT;
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Decodes a data item; malformed records are skipped (counted), never thrown. */
export function decodeItem(value: unknown): { entries: SyncEntry[]; malformed: number } {
  if (!Array.isArray(value) || value.length !== 3 || !value.every(isStringArray)) return { entries: [], malformed: 1 };
  const [sites, tags, records] = value as ItemValue;
  const entries: SyncEntry[] = [];
  let malformed = 0;
  for (const record of records) {
    const entry = decodeRecord(record, sites, tags);
    if (entry) entries.push(entry);
    else malformed++;
  }
  return { entries, malformed };
}

export interface Manifest {
  v: number;
}

export function readManifestVersion(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = (value as { v?: unknown }).v;
  return typeof v === 'number' ? v : null;
}
