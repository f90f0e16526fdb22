import type { Register, SyncEntry } from './types';

/**
 * One entry as one compact string, `url>numbers>title`:
 * - url without "https://" (kept when dropping it would be ambiguous); a serialised URL never contains
 *   ">" (the WHATWG serializer percent-encodes it everywhere), so the first ">" ends it;
 * - numbers: "."-separated fields in base 36, none of which use ">";
 * - title: everything after the second ">" (last, so it needs no escaping beyond JSON's own).
 * Numbers: savedSec (signed, relative to the sync epoch) . base stamp (= save stamp) . title delta .
 *   site . archived . favourite . progress . tags . deletedAt — trailing empty fields dropped.
 * A register is "value[~delta]" where delta = stamp − base stamp (omitted when 0), or "_" for never set.
 * Sites and tags are indexes into the item's dictionaries (written once per item).
 */

const SEC_EPOCH = 1_735_689_600; // 2025-01-01T00:00:00Z in seconds (same instant as SYNC_EPOCH_MS)
const HTTPS = 'https://';
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export interface Dictionaries {
  /** Looks up (or adds) a string and returns its index. */
  site(value: string): number;
  tag(value: string): number;
}

export const b36 = (n: number): string => (n < 0 ? `-${(-n).toString(36)}` : n.toString(36));
const parse36 = (s: string): number => (s.startsWith('-') ? -parseInt(s.slice(1), 36) : parseInt(s, 36));

export function packUrl(url: string): string {
  if (!url.startsWith(HTTPS)) return url;
  const rest = url.slice(HTTPS.length);
  return SCHEME.test(rest) ? url : rest;
}

export function unpackUrl(packed: string): string {
  return SCHEME.test(packed) ? packed : HTTPS + packed;
}

function packRegister<T>(r: Register<T>, base: number, token: (v: T) => string): string {
  if (r.t === 0) return '_';
  const delta = r.t - base;
  return delta === 0 ? token(r.v) : `${token(r.v)}~${b36(delta)}`;
}

const boolToken = (v: boolean) => (v ? '1' : '');

export function encodeRecord(e: SyncEntry, dict: Dictionaries): string {
  const base = e.saved.t;
  const tags = Object.keys(e.tags)
    .sort()
    .map((tag) => {
      const r = e.tags[tag] as Register<boolean>;
      const delta = r.t - base;
      return `${r.v ? '' : '!'}${b36(dict.tag(tag))}${delta === 0 ? '' : `~${b36(delta)}`}`;
    })
    .join(',');
  const fields = [
    base === 0 ? '' : b36(e.saved.v - SEC_EPOCH),
    base === 0 ? '' : b36(base),
    e.title.t === 0 ? '_' : e.title.t === base ? '' : b36(e.title.t - base),
    packRegister(e.site, base, (v) => b36(dict.site(v))),
    packRegister(e.archived, base, boolToken),
    packRegister(e.favourite, base, boolToken),
    packRegister(e.progress, base, (v) => (v === 0 ? '' : b36(v))),
    tags,
    e.deletedAt === 0 ? '' : b36(e.deletedAt),
  ];
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return `${packUrl(e.url)}>${fields.join('.')}>${e.title.t === 0 ? '' : e.title.v}`;
}

function unpackRegister<T>(field: string, base: number, bottom: T, value: (token: string) => T): Register<T> {
  if (field === '_') return { v: bottom, t: 0 };
  const [token = '', delta] = field.split('~');
  return { v: value(token), t: base + (delta === undefined ? 0 : parse36(delta)) };
}

/** Decodes one record; returns null for anything malformed (a corrupt item must not stop a merge). */
export function decodeRecord(record: string, sites: readonly string[], tagNames: readonly string[]): SyncEntry | null {
  const first = record.indexOf('>');
  const second = first < 0 ? -1 : record.indexOf('>', first + 1);
  if (first <= 0 || second < 0) return null;
  const f = record.slice(first + 1, second).split('.');
  const field = (i: number) => f[i] ?? '';
  const base = field(1) === '' ? 0 : parse36(field(1));
  const lookup = (list: readonly string[], token: string) => {
    const value = list[parseInt(token, 36)];
    if (value === undefined) throw new RangeError('dictionary index');
    return value;
  };
  try {
    const tags: Record<string, Register<boolean>> = {};
    for (const part of field(7) === '' ? [] : field(7).split(',')) {
      const removed = part.startsWith('!');
      const [idx = '', delta] = (removed ? part.slice(1) : part).split('~');
      tags[lookup(tagNames, idx)] = { v: !removed, t: base + (delta === undefined ? 0 : parse36(delta)) };
    }
    const titleField = field(2);
    const entry: SyncEntry = {
      url: unpackUrl(record.slice(0, first)),
      saved: base === 0 ? { v: 0, t: 0 } : { v: parse36(field(0)) + SEC_EPOCH, t: base },
      title: titleField === '_' ? { v: '', t: 0 } : { v: record.slice(second + 1), t: base + (titleField === '' ? 0 : parse36(titleField)) },
      site: unpackRegister(field(3), base, '', (tok) => lookup(sites, tok)),
      archived: unpackRegister(field(4), base, false, (tok) => tok === '1'),
      favourite: unpackRegister(field(5), base, false, (tok) => tok === '1'),
      progress: unpackRegister(field(6), base, 0, (tok) => (tok === '' ? 0 : parse36(tok))),
      tags,
      deletedAt: field(8) === '' ? 0 : parse36(field(8)),
    };
    return isSane(entry) ? entry : null;
  } catch {
    return null;
  }
}

function isSane(e: SyncEntry): boolean {
  const stamps = [e.saved.t, e.title.t, e.site.t, e.archived.t, e.favourite.t, e.progress.t, e.deletedAt, e.saved.v, e.progress.v];
  for (const r of Object.values(e.tags)) stamps.push(r.t);
  return stamps.every((n) => Number.isSafeInteger(n) && n >= 0);
}
