import type { ArticleRecord } from './schema';

/**
 * The library's first screen, remembered in the page's localStorage (the extension's own origin): the
 * records of the first rows of the view the page opens on, written each time that view's first page is
 * read from IndexedDB. On the next visit the rows are drawn from here synchronously, before the
 * database is even open; the IndexedDB query replaces them a moment later (stale-while-revalidate).
 *
 * Why: measured in Chromium at 10,000 articles, the first query after a navigation ranged from 16 ms
 * to over 2 s (the browser reopening the database's backing store after a bulk write, on a loaded
 * machine); a 20-record JSON read does not depend on any of that. IndexedDB stays the source of truth:
 * these rows are shown as provisional (the count says "Loading…") until the query confirms them.
 */

const KEY = 'folio:library-first-screen';
const FORMAT = 1;
/** About two screens of rows: enough to fill a tall window, small enough to parse in well under 1 ms. */
export const FIRST_SCREEN_ROWS = 20;

interface StoredFirstScreen {
  format: typeof FORMAT;
  /** The view these rows belong to (its query, as JSON). */
  view: string;
  records: ArticleRecord[];
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // A context without localStorage (a worker) or with storage blocked: no first screen, no harm.
    return null;
  }
}

/** The remembered first rows of `view`, or null (none, another view, or unreadable). Never throws. */
export function readFirstScreen(view: string, store: Storage | null = storage()): ArticleRecord[] | null {
  try {
    const raw = store?.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredFirstScreen;
    if (parsed.format !== FORMAT || parsed.view !== view || !Array.isArray(parsed.records)) return null;
    const records = parsed.records.filter((record) => record && typeof record.id === 'string' && typeof record.title === 'string');
    // An empty first screen is not remembered: "nothing here yet" waits for the database to say so.
    return records.length > 0 ? records : null;
  } catch {
    return null;
  }
}

/** Remembers the first rows of `view` (at most FIRST_SCREEN_ROWS). Never throws (a full quota just skips it). */
export function writeFirstScreen(view: string, records: readonly ArticleRecord[], store: Storage | null = storage()): void {
  try {
    const stored: StoredFirstScreen = { format: FORMAT, view, records: records.slice(0, FIRST_SCREEN_ROWS) };
    store?.setItem(KEY, JSON.stringify(stored));
  } catch {
    // Quota or serialisation failure: the next visit simply waits for IndexedDB.
  }
}
