import { bottomEntry, canonicalize, isLive } from './entry-merge';
import type { HybridClock } from './hybrid-clock';
import { stampForWallTime } from './hybrid-clock';
import { representable } from './library-view';
import type { LibraryIndexEntry, Register, SyncEntry, SyncState } from './types';

/**
 * Records one library change in the replicated state (in place). The library passes the article's
 * whole index entry after the change; only fields that differ from the state get a new stamp, so an
 * archive on this device and a tag edit on another both survive. A save of an article that is not
 * live (new, or deleted) stamps every field: it is a new save and resurrects a deleted article.
 * A changed savedAt on a live article is a re-save (its other fields keep their stamps).
 * Returns true when the state changed.
 */
export function applyLocalChange(state: SyncState, change: LibraryIndexEntry, clock: HybridClock): boolean {
  const current = state.get(change.url);
  if (change.deleted) {
    if (current && !isLive(current) && current.deletedAt > 0) return false;
    const base = current ?? bottomEntry(change.url);
    state.set(change.url, canonicalize({ ...base, deletedAt: clock.next() }));
    return true;
  }
  const want = representable(change);
  if (!current || !isLive(current)) {
    const t = clock.next();
    const base = current ?? bottomEntry(change.url);
    const tags: Record<string, Register<boolean>> = { ...base.tags };
    for (const tag of want.tags) tags[tag] = { v: true, t };
    for (const [tag, r] of Object.entries(tags)) if (r.v && !want.tags.includes(tag)) tags[tag] = { v: false, t };
    state.set(change.url, { ...entryStampedAt(change, want, t, tags), deletedAt: base.deletedAt });
    return true;
  }
  let t = 0;
  const stamp = () => (t ||= clock.next());
  const next: SyncEntry = { ...current, tags: { ...current.tags } };
  if (current.saved.v !== want.savedSec) next.saved = { v: want.savedSec, t: stamp() };
  if (current.title.v !== want.title) next.title = { v: want.title, t: stamp() };
  if (current.site.v !== change.site) next.site = { v: change.site, t: stamp() };
  if (current.archived.v !== change.archived) next.archived = { v: change.archived, t: stamp() };
  if (current.favourite.v !== change.favourite) next.favourite = { v: change.favourite, t: stamp() };
  if (current.progress.v !== want.progress) next.progress = { v: want.progress, t: stamp() };
  for (const tag of want.tags) if (!current.tags[tag]?.v) next.tags[tag] = { v: true, t: stamp() };
  for (const [tag, r] of Object.entries(current.tags)) {
    if (r.v && !want.tags.includes(tag)) next.tags[tag] = { v: false, t: stamp() };
  }
  if (t === 0) return false;
  state.set(change.url, next);
  return true;
}

/**
 * First run on a device with an existing library: entries the state does not know yet are added with
 * stamps at their own savedAt, so edits other devices made since then win over this device's values.
 * Returns the URLs added.
 */
export function seedLocalEntries(state: SyncState, entries: LibraryIndexEntry[], nowMs: number): string[] {
  const added: string[] = [];
  for (const entry of entries) {
    if (entry.deleted || state.has(entry.url)) continue;
    const want = representable(entry);
    const t = stampForWallTime(entry.savedAt, nowMs);
    const tags: Record<string, Register<boolean>> = {};
    for (const tag of want.tags) tags[tag] = { v: true, t };
    state.set(entry.url, { ...entryStampedAt(entry, want, t, tags), deletedAt: 0 });
    added.push(entry.url);
  }
  return added;
}

/** Every field of `entry` stamped at `t` (a whole new save); the caller decides `deletedAt`. */
function entryStampedAt(
  entry: LibraryIndexEntry,
  want: ReturnType<typeof representable>,
  t: number,
  tags: Record<string, Register<boolean>>,
): Omit<SyncEntry, 'deletedAt'> {
  return {
    url: entry.url,
    saved: { v: want.savedSec, t },
    title: { v: want.title, t },
    site: { v: entry.site, t },
    archived: { v: entry.archived, t },
    favourite: { v: entry.favourite, t },
    progress: { v: want.progress, t },
    tags,
  };
}
