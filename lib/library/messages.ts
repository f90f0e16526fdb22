import type { Article } from '../extract/types';
import type { HighlightInput } from '../storage/library-repo-highlights';
import type { HighlightRecord } from '../storage/schema';
import type { StorageFailure, StorageResult } from '../storage/storage-errors';

/**
 * Messages the library adds to the one message map (lib/messaging.ts extends this). Only what has to
 * cross into the background is here: content scripts cannot open the extension's IndexedDB, and
 * context menus and shortcuts live in the background. Extension pages (popup, library, reader page)
 * share the extension's origin and use lib/storage directly.
 */

export interface SavedState {
  saved: boolean;
  /** The article's id (normalised URL) when saved. */
  id: string | null;
}

export type SaveArticleResult = { ok: true; id: string; created: boolean } | { ok: false; error: StorageFailure };

export interface LibraryProtocol {
  /** overlay → background: save (or update) the article being read. */
  saveArticle(input: { article: Article; pageUrl: string }): SaveArticleResult;
  /** overlay → background: is this page in the library (drives "Saved ✓")? */
  getSavedState(input: { pageUrl: string; canonicalUrl: string | null }): SavedState;
  /** overlay/popup → background: open a saved article in the offline reader page. */
  openSavedArticle(input: { id: string }): void;
  /** overlay → background: a saved article's highlights and notes (reading tools). */
  listHighlights(input: { articleId: string }): StorageResult<HighlightRecord[]>;
  putHighlight(input: HighlightInput): StorageResult<void>;
  deleteHighlight(input: { id: string }): StorageResult<void>;
}
