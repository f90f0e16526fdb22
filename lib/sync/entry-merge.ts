import type { Register, SyncEntry, SyncState } from './types';

/**
 * The CRDT: a per-field LWW register join plus the tombstone rule, on canonical entries.
 * Join of registers = the one with the larger stamp; equal stamps → the larger value (deterministic).
 * Tombstone rule: deletedAt = max of both; then every register with t ≤ deletedAt is reset to bottom
 * ("delete wins over edits not newer than it"). A save newer than the delete survives, so the entry
 * is live again (resurrection) with only the fields written after the delete.
 * Pointwise max is a semilattice join and the reset commutes with it (a register survives iff its stamp
 * exceeds the overall max deletedAt, whichever side it came from), so merge is commutative, associative
 * and idempotent.
 */

export function bottomEntry(url: string): SyncEntry {
  return {
    url,
    saved: { v: 0, t: 0 },
    title: { v: '', t: 0 },
    site: { v: '', t: 0 },
    archived: { v: false, t: 0 },
    favourite: { v: false, t: 0 },
    progress: { v: 0, t: 0 },
    tags: {},
    deletedAt: 0,
  };
}

function orderValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : 1;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  return String(a) < String(b) ? -1 : 1;
}

/** Total order on register writes: stamp first, value as tie-break. */
export function compareRegisters<T>(a: Register<T>, b: Register<T>): number {
  return a.t !== b.t ? a.t - b.t : orderValues(a.v, b.v);
}

function joinRegister<T>(a: Register<T>, b: Register<T>): Register<T> {
  return compareRegisters(a, b) >= 0 ? a : b;
}

function deadReset<T>(r: Register<T>, bottom: T, deletedAt: number): Register<T> {
  return r.t <= deletedAt ? { v: bottom, t: 0 } : r;
}

/** Puts an entry in canonical form (registers the delete wins over become bottom). Returns a new entry. */
export function canonicalize(e: SyncEntry): SyncEntry {
  const d = e.deletedAt;
  if (d === 0) return e;
  const tags: Record<string, Register<boolean>> = {};
  for (const [tag, r] of Object.entries(e.tags)) if (r.t > d) tags[tag] = r;
  return {
    url: e.url,
    saved: deadReset(e.saved, 0, d),
    title: deadReset(e.title, '', d),
    site: deadReset(e.site, '', d),
    archived: deadReset(e.archived, false, d),
    favourite: deadReset(e.favourite, false, d),
    progress: deadReset(e.progress, 0, d),
    tags,
    deletedAt: d,
  };
}

export function mergeEntries(a: SyncEntry, b: SyncEntry): SyncEntry {
  const tags: Record<string, Register<boolean>> = { ...a.tags };
  for (const [tag, r] of Object.entries(b.tags)) {
    const mine = tags[tag];
    tags[tag] = mine ? joinRegister(mine, r) : r;
  }
  return canonicalize({
    url: a.url,
    saved: joinRegister(a.saved, b.saved),
    title: joinRegister(a.title, b.title),
    site: joinRegister(a.site, b.site),
    archived: joinRegister(a.archived, b.archived),
    favourite: joinRegister(a.favourite, b.favourite),
    progress: joinRegister(a.progress, b.progress),
    tags,
    deletedAt: Math.max(a.deletedAt, b.deletedAt),
  });
}

/** An article is in the library iff its latest save is newer than its latest delete. */
export function isLive(e: SyncEntry): boolean {
  return e.saved.t > e.deletedAt;
}

/** The newest stamp anywhere in the entry (used by tombstone GC and the rejoin rule). */
export function newestStamp(e: SyncEntry): number {
  let max = Math.max(e.deletedAt, e.saved.t, e.title.t, e.site.t, e.archived.t, e.favourite.t, e.progress.t);
  for (const r of Object.values(e.tags)) if (r.t > max) max = r.t;
  return max;
}

const sameRegister = <T>(a: Register<T>, b: Register<T>) => a.t === b.t && a.v === b.v;

export function entriesEqual(a: SyncEntry, b: SyncEntry): boolean {
  if (
    a.deletedAt !== b.deletedAt ||
    !sameRegister(a.saved, b.saved) ||
    !sameRegister(a.title, b.title) ||
    !sameRegister(a.site, b.site) ||
    !sameRegister(a.archived, b.archived) ||
    !sameRegister(a.favourite, b.favourite) ||
    !sameRegister(a.progress, b.progress)
  ) {
    return false;
  }
  const aTags = Object.keys(a.tags);
  if (aTags.length !== Object.keys(b.tags).length) return false;
  return aTags.every((tag) => {
    const other = b.tags[tag];
    return other !== undefined && sameRegister(a.tags[tag] as Register<boolean>, other);
  });
}

/** Merges `incoming` into `state` in place; returns the URLs whose entry changed. */
export function mergeInto(state: SyncState, incoming: Iterable<SyncEntry>): string[] {
  const changed: string[] = [];
  for (const entry of incoming) {
    const mine = state.get(entry.url);
    const merged = mine ? mergeEntries(mine, entry) : canonicalize(entry);
    if (!mine || !entriesEqual(mine, merged)) {
      state.set(entry.url, merged);
      changed.push(entry.url);
    }
  }
  return changed;
}
