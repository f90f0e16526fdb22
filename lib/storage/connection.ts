import type { LibraryDb } from './db';

/**
 * The library connection and upgrades made elsewhere. IndexedDB upgrades a database only once every
 * other connection to it has closed: an extension update (or a newer Folio page) asks with a
 * `versionchange` event, and an upgrade waits ("blocked") while any old connection stays open.
 *
 * - A long-lived page (library, popup, saved-article page) closes its connection for good when asked,
 *   so it never holds an upgrade up, and tells the person to reload (its code knows the old shape only).
 * - A save never waits forever for a blocked open: it gives up after a bounded wait with the "blocked"
 *   failure, and the pending-save journal keeps it to finish once the library opens.
 */

export const RELOAD_NOTICE =
  'Folio was updated in another tab or window and its library changed shape. Reload this page to keep using your library (nothing was lost).';
export const DELETED_NOTICE = 'Folio’s library was deleted in another tab or window. Reload this page.';

export interface OpenLimits {
  /** Longest wait for the database to open at all. */
  timeoutMs?: number;
  /** Once the browser reports the open as blocked by another connection, how much longer to wait. */
  blockedGraceMs?: number;
}

/** Closes `db` for good when another context upgrades or deletes the database; `onClosed` gets a sentence for the user. */
export function closeOnVersionChange(db: LibraryDb, onClosed: (notice: string) => void): () => void {
  const listener = (event: IDBVersionChangeEvent) => {
    // No reopening: this page's code declares the old versions only.
    db.close({ disableAutoOpen: true });
    onClosed(event.newVersion ? RELOAD_NOTICE : DELETED_NOTICE);
    // Newest subscriber first: false stops Dexie's default, which would close with reopening allowed.
    return false;
  };
  db.on('versionchange', listener);
  return () => db.on('versionchange').unsubscribe(listener);
}

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * Resolves once `db` is open. Rejects with a `BlockedError` when another connection blocks its upgrade
 * for longer than `blockedGraceMs`, and with a `TimeoutError` when opening takes longer than `timeoutMs`;
 * the open itself goes on, so the library works again as soon as the other connection lets go.
 */
export async function openWithin(db: LibraryDb, { timeoutMs = 15_000, blockedGraceMs = 4_000 }: OpenLimits = {}): Promise<void> {
  if (db.isOpen()) return;
  const timers: ReturnType<typeof setTimeout>[] = [];
  let onBlocked: ((event: IDBVersionChangeEvent) => void) | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    timers.push(setTimeout(() => reject(named('TimeoutError', `the library did not open within ${timeoutMs} ms`)), timeoutMs));
    onBlocked = (event) => {
      const detail = `an open connection at version ${event.oldVersion} blocks the upgrade to ${event.newVersion ?? '?'}`;
      timers.push(setTimeout(() => reject(named('BlockedError', detail)), blockedGraceMs));
    };
    db.on('blocked', onBlocked);
  });
  try {
    await Promise.race([db.open(), giveUp]);
  } finally {
    for (const timer of timers) clearTimeout(timer);
    if (onBlocked) db.on('blocked').unsubscribe(onBlocked);
  }
}
