import fc from 'fast-check';
import { canonicalize } from '../../lib/sync/entry-merge';
import type { Register, SyncEntry } from '../../lib/sync';

/** Stamps from a small range so that ties (equal stamps from two devices) are common. */
const stamp = fc.integer({ min: 0, max: 12 });
const register = <T>(value: fc.Arbitrary<T>, bottom: T): fc.Arbitrary<Register<T>> =>
  stamp.chain((t) => (t === 0 ? fc.constant({ v: bottom, t: 0 }) : value.map((v) => ({ v, t }))));

export const tagName = fc.constantFrom('a', 'b', 'read later', 'ünïcode', 'x>y', 'q"uote');

/** A replicated entry in canonical form, for one fixed URL. */
export function arbitraryEntry(url = 'https://example.com/a'): fc.Arbitrary<SyncEntry> {
  return fc
    .record({
      saved: register(fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }), 0),
      title: register(fc.constantFrom('T', 'Title > with | marks', 'Ümlaut 😀', ''), ''),
      site: register(fc.constantFrom('Site', 'Other', ''), ''),
      archived: register(fc.boolean(), false),
      favourite: register(fc.boolean(), false),
      progress: register(fc.integer({ min: 0, max: 1000 }), 0),
      tags: fc.dictionary(tagName, fc.record({ v: fc.boolean(), t: fc.integer({ min: 1, max: 12 }) }), { maxKeys: 4 }),
      deletedAt: fc.oneof(fc.constant(0), stamp),
    })
    .map((fields) => canonicalize({ url, ...fields }));
}
