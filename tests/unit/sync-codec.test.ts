import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../lib/sync/entry-merge';
import { decodeItem, encodeItem } from '../../lib/sync/item-codec';
import { decodeRecord, encodeRecord, packUrl, unpackUrl } from '../../lib/sync/record-codec';
import type { SyncEntry } from '../../lib/sync';
import { arbitraryEntry } from './sync-arbitraries';

function roundTrip(e: SyncEntry): SyncEntry | null {
  const sites: string[] = [];
  const tags: string[] = [];
  const index = (list: string[]) => (v: string) => (list.includes(v) ? list.indexOf(v) : list.push(v) - 1);
  const record = encodeRecord(e, { site: index(sites), tag: index(tags) });
  // Through JSON, as storage.sync stores it.
  const [s, t, r] = JSON.parse(JSON.stringify([sites, tags, [record]])) as [string[], string[], string[]];
  return decodeRecord(r[0] as string, s, t);
}

const urls = fc.constantFrom(
  'https://www.nytimes.com/2019/11/19/opinion/republicans.html',
  'http://example.org/plain-http',
  'https://localhost:8080/a',
  'https://example.com/path?q=a|b&x=`y`#frag',
  'https://bücher.example/ü',
);

describe('record codec', () => {
  it('round-trips any canonical entry exactly (stamps, tombstones, dictionaries, odd characters)', () => {
    fc.assert(
      fc.property(urls.chain((u) => arbitraryEntry(u)), fc.integer({ min: 1, max: 60_000_000_000 }), (entry, offset) => {
        // Realistic stamps: large, with deltas in both directions.
        const shift = (t: number) => (t === 0 ? 0 : t * 1_000_003 + offset);
        const shifted = canonicalize({
          ...entry,
          saved: { ...entry.saved, t: shift(entry.saved.t) },
          title: { ...entry.title, t: shift(entry.title.t) },
          site: { ...entry.site, t: shift(entry.site.t) },
          archived: { ...entry.archived, t: shift(entry.archived.t) },
          favourite: { ...entry.favourite, t: shift(entry.favourite.t) },
          progress: { ...entry.progress, t: shift(entry.progress.t) },
          tags: Object.fromEntries(Object.entries(entry.tags).map(([k, r]) => [k, { ...r, t: shift(r.t) }])),
          deletedAt: shift(entry.deletedAt),
        });
        expect(roundTrip(shifted)).toEqual(shifted);
      }),
      { numRuns: 500 },
    );
  });

  it('drops https:// only when that is unambiguous', () => {
    expect(packUrl('https://www.bbc.co.uk/news/x')).toBe('www.bbc.co.uk/news/x');
    expect(packUrl('https://localhost:8080/a')).toBe('https://localhost:8080/a');
    expect(packUrl('http://example.org/')).toBe('http://example.org/');
    for (const u of ['https://www.bbc.co.uk/news/x', 'https://localhost:8080/a', 'http://example.org/']) expect(unpackUrl(packUrl(u))).toBe(u);
  });

  it('skips malformed records and items instead of throwing', () => {
    expect(decodeRecord('no separators', [], [])).toBeNull();
    expect(decodeRecord('example.com/a>1.2.3.99>T', [], [])).toBeNull(); // site index out of range
    expect(decodeItem({ not: 'an item' })).toEqual({ entries: [], malformed: 1 });
    expect(decodeItem('zNotBase64-or-deflate!')).toEqual({ entries: [], malformed: 1 });
    const good = decodeItem(encodeItem(['S'], [], ['example.com/a>1.2..0>T', 'garbage']));
    expect(good.entries.map((e) => [e.url, e.title.v, e.site.v])).toEqual([['https://example.com/a', 'T', 'S']]);
    expect(good.malformed).toBe(1);
  });
});
