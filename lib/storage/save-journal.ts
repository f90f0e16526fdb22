import { z } from 'zod';
import type { Article } from '../extract/types';
import { articleKey, normalizeUrl } from '../library/url-normalize';
import { articleSchema } from '../messaging-schema';
import type { LibraryDb } from './db';
import { saveArticle, type SaveArticleInput, type SaveArticleOutcome } from './library-repo';
import { importItems } from './library-repo-import';
import { attempt, type StorageFailureKind, type StorageResult } from './storage-errors';

/**
 * The pending-save journal: a save survives the MV3 service worker being stopped half-way (Chrome stops
 * an idle or busy worker at will) and a storage failure that may pass (full disk, blocked upgrade).
 *
 * 1. Before a save touches the library, its whole input is written to `storage.local` under its own key.
 * 2. The save runs as one IndexedDB transaction (all or nothing: row and body together).
 * 3. After it commits, the entry is removed. A failure that may pass keeps it, to retry.
 * On every worker start `resumePendingSaves` finishes what an entry still describes: if the library
 * already holds that save (the worker died between commit and clean-up) the entry is only removed;
 * otherwise the save runs again. Replays are idempotent (a save is an upsert keyed by the article's URL,
 * with the original time), and a save newer than the entry is never overwritten by it.
 *
 * `storage.local` rather than IndexedDB: a journal in the database that is full could not be written;
 * with `unlimitedStorage` it has no 10 MB cap. Each entry is versioned (`schemaVersion`); an entry of a
 * version this code does not know, or that does not parse, is dropped with a warning, never replayed.
 *
 * "Save link": its page is fetched and read first (up to 45 s, the likeliest moment for the worker to
 * be stopped), so a `link` entry is written before that; resuming one keeps the link, to download later.
 */

export const PENDING_SAVE_PREFIX = 'folio:pending-save:';
export const PENDING_SAVE_VERSION = 1;

export const KEPT_FOR_RETRY = 'Folio kept this save and will finish it by itself once it can.';

/** The part of `browser.storage.local` the journal uses (the real area, or WXT's fake one in tests). */
export interface JournalArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  /** Chrome 130+: the keys alone, so a worker start does not read the sync engine's state too. */
  getKeys?(): Promise<string[]>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const common = { schemaVersion: z.literal(PENDING_SAVE_VERSION), startedAt: z.number().finite(), attempts: z.number().int().nonnegative(), lastError: z.string().nullable() };
const pendingSaveSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('article'), article: articleSchema, pageUrl: z.string().min(1), ...common }),
  z.strictObject({ kind: z.literal('link'), url: z.string().url(), title: z.string().nullable(), ...common }),
]);
export type PendingSave = z.infer<typeof pendingSaveSchema>;

/** Failures worth another try later; `invalid`/`not-found` would fail the same way again. */
const RETRYABLE: ReadonlySet<StorageFailureKind> = new Set(['quota', 'blocked', 'unavailable', 'unknown']);

let sequence = 0;
function newKey(now: number): string {
  sequence += 1;
  return `${PENDING_SAVE_PREFIX}${now}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Writes an entry; a journal that cannot be written does not stop the save itself (it is still atomic). */
async function writeEntry(area: JournalArea, key: string, entry: PendingSave): Promise<boolean> {
  try {
    await area.set({ [key]: entry });
    return true;
  } catch (error) {
    console.warn('Folio: the pending-save journal could not be written', error);
    return false;
  }
}

async function removeEntry(area: JournalArea, key: string): Promise<void> {
  await area.remove(key).catch((error: unknown) => console.warn('Folio: a finished save stays in the journal until next start', error));
}

export type JournaledSaveResult = StorageResult<SaveArticleOutcome> & { keptForRetry?: boolean };

/** Saves through the journal (steps 1–3 above). A kept failure says so in its message. */
export async function saveArticleJournaled(db: LibraryDb, area: JournalArea, input: SaveArticleInput & { article: Article }): Promise<JournaledSaveResult> {
  const startedAt = input.now ?? Date.now();
  const key = newKey(startedAt);
  const entry: PendingSave = { schemaVersion: PENDING_SAVE_VERSION, kind: 'article', article: input.article, pageUrl: input.pageUrl, startedAt, attempts: 0, lastError: null };
  const journaled = await writeEntry(area, key, entry);
  const result = await saveArticle(db, { ...input, now: startedAt });
  if (!journaled) return result;
  if (result.ok || !RETRYABLE.has(result.error.kind)) {
    await removeEntry(area, key);
    return result;
  }
  const kept = await writeEntry(area, key, { ...entry, attempts: 1, lastError: result.error.detail });
  if (!kept) return result;
  return { ...result, error: { ...result.error, message: `${result.error.message} ${KEPT_FOR_RETRY}` }, keptForRetry: true };
}

/** Marks a "Save link" as started; the returned function clears it once the save has an outcome. */
export async function journalLinkSave(area: JournalArea, rawUrl: string, title: string | null, now = Date.now()): Promise<() => Promise<void>> {
  const normalized = normalizeUrl(rawUrl);
  // A link Folio cannot save is refused at once (lib/library/save-link.ts): nothing to keep.
  if (!normalized.ok) return async () => undefined;
  const key = newKey(now);
  const journaled = await writeEntry(area, key, { schemaVersion: PENDING_SAVE_VERSION, kind: 'link', url: normalized.url, title, startedAt: now, attempts: 0, lastError: null });
  return journaled ? () => removeEntry(area, key) : async () => undefined;
}

export interface ResumeReport {
  /** Saves the journal finished now. */
  completed: number;
  /** Entries whose save had already committed (only the entry was left). */
  alreadyDone: number;
  /** Still failing in a way that may pass: kept for the next start. */
  kept: number;
  /** Unreadable, of an unknown version, or failing for good: removed (and logged). */
  dropped: number;
}

async function alreadyCommitted(db: LibraryDb, id: string, startedAt: number): Promise<boolean> {
  const [record, content] = await Promise.all([db.articles.get(id), db.contents.get(id)]);
  return Boolean(record && record.updatedAt >= startedAt && content);
}

async function replay(db: LibraryDb, entry: PendingSave): Promise<StorageResult<'completed' | 'already-done'>> {
  if (entry.kind === 'link') {
    const item = { url: entry.url, title: entry.title, excerpt: null, savedAt: entry.startedAt, tags: [], archived: false, favourite: false, line: 0 };
    // importItems keeps whatever is already saved under that URL (a finished save of the page included).
    const imported = await importItems(db, [item], 'save', entry.startedAt);
    if (!imported.ok) return imported;
    return { ok: true, value: imported.value.added > 0 ? 'completed' : 'already-done' };
  }
  const key = articleKey(entry.pageUrl, entry.article.url);
  if (key.ok) {
    const done = await attempt(() => alreadyCommitted(db, key.url, entry.startedAt));
    if (!done.ok) return done;
    if (done.value) return { ok: true, value: 'already-done' };
  }
  const saved = await saveArticle(db, { article: entry.article as Article, pageUrl: entry.pageUrl, now: entry.startedAt });
  return saved.ok ? { ok: true, value: 'completed' } : saved;
}

/** Finishes or clears every entry left by an earlier worker (call once when the worker starts). */
export async function resumePendingSaves(db: LibraryDb, area: JournalArea): Promise<ResumeReport> {
  const report: ResumeReport = { completed: 0, alreadyDone: 0, kept: 0, dropped: 0 };
  let allKeys: string[] | null = null;
  try {
    allKeys = typeof area.getKeys === 'function' ? await area.getKeys() : null;
  } catch {
    // Older browsers (and test fakes) without getKeys: read the area whole, as before.
  }
  const pending = allKeys ? allKeys.filter((key) => key.startsWith(PENDING_SAVE_PREFIX)) : null;
  if (pending && pending.length === 0) return report;
  const stored = await area.get(pending ?? null);
  const keys = Object.keys(stored)
    .filter((key) => key.startsWith(PENDING_SAVE_PREFIX))
    .sort((a, b) => Number(a.slice(PENDING_SAVE_PREFIX.length).split('-')[0]) - Number(b.slice(PENDING_SAVE_PREFIX.length).split('-')[0]));
  for (const key of keys) {
    const parsed = pendingSaveSchema.safeParse(stored[key]);
    if (!parsed.success) {
      console.warn('Folio: dropped an unreadable pending save', key, parsed.error.message);
      await removeEntry(area, key);
      report.dropped += 1;
      continue;
    }
    const outcome = await replay(db, parsed.data);
    if (outcome.ok) {
      report[outcome.value === 'completed' ? 'completed' : 'alreadyDone'] += 1;
      await removeEntry(area, key);
    } else if (RETRYABLE.has(outcome.error.kind)) {
      await writeEntry(area, key, { ...parsed.data, attempts: parsed.data.attempts + 1, lastError: outcome.error.detail });
      report.kept += 1;
    } else {
      console.warn('Folio: a pending save cannot be finished', key, outcome.error.detail);
      await removeEntry(area, key);
      report.dropped += 1;
    }
  }
  return report;
}
