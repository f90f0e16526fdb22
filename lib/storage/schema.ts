import type { SafeHtml } from '../sanitize';

/**
 * Folio's library database, declared in one place: every IndexedDB store, its indexes, and the schema
 * version each shape belongs to. `SCHEMA_STEPS` lists every version ever shipped, oldest first; a step
 * that changes data names its migration (lib/storage/migrations/), and each migration has a test with
 * before/after data (tests/unit/storage-migrations.test.ts).
 *
 * What lives where:
 * - IndexedDB (this file, the extension's own origin, `unlimitedStorage`): articles, their bodies,
 *   trash (soft-deleted, for undo), tombstones (for sync), highlights, the search-index snapshot.
 * - storage.local / storage.sync (lib/storage/prefs*.ts, sync-area.ts, written elsewhere): preferences
 *   and the sync engine's own state. Nothing article-sized goes there.
 *
 * Images are stored as their URLs inside the sanitized body; since database version 3 the `images`
 * store also keeps the bytes of those images (and of the lead image) for offline reading, within the
 * limits of lib/library/offline-images/limits.ts, one record per (article, image URL).
 */

export const LIBRARY_DB_NAME = 'folio-library';
/**
 * The version of the record shapes below (articles, contents, trash, tombstones, highlights, meta); every
 * such record carries it. Adding a store does not change these shapes, so it does not move this number
 * (moving it means rewriting every record, which took 33–45 s at 10,000 articles in Chromium).
 */
export const SCHEMA_VERSION = 2;
/** The newest IndexedDB version: the last of `SCHEMA_STEPS`. */
export const LIBRARY_DB_VERSION = 3;

/** IndexedDB cannot index booleans, so flags are stored as 0/1. */
export type Flag = 0 | 1;

/** Fields the sync engine merges one by one (last writer wins per field). */
export const SYNCED_FIELDS = ['title', 'tags', 'archived', 'favourite', 'progress'] as const;
export type SyncedField = (typeof SYNCED_FIELDS)[number];

export type ArticleSource = 'save' | 'pocket' | 'instapaper' | 'netscape' | 'folio';
/** `pending`: imported without a body yet (downloaded when first opened); `failed`: the download failed. */
export type ContentState = 'stored' | 'pending' | 'failed';

export interface ReadingProgress {
  /** 0–100. */
  percent: number;
  /** Scroll offset in CSS pixels, to resume exactly where the reader left. */
  scrollY: number;
  /**
   * The paragraph read-aloud last reached on the saved-article page, to resume from. Optional (absent:
   * from the start), so records written before it existed need no migration; this device only: sync
   * carries percent and read, never this, and setting it moves no change time.
   */
  listenParagraph?: number;
}

/** One saved article's metadata: small, so lists and counts never read the body. */
export interface ArticleRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  /** The normalised URL (lib/library/url-normalize.ts): stable across devices, so also the sync key. */
  id: string;
  /** The address to open (canonical when the page declared one). */
  url: string;
  title: string;
  /** `title` lower-cased, for a case-insensitive title sort by index. */
  titleKey: string;
  byline: string | null;
  siteName: string | null;
  siteIcon: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImage: string | null;
  wordCount: number;
  readingMinutes: number;
  /** Epoch ms when first saved (kept from the import source when it had one). */
  savedAt: number;
  /** Lower-cased, trimmed, unique. */
  tags: string[];
  archived: Flag;
  favourite: Flag;
  /** 1 once the reader reached the end. */
  read: Flag;
  readAt: number | null;
  progress: ReadingProgress;
  contentState: ContentState;
  contentError: string | null;
  source: ArticleSource;
  /** Epoch ms of the latest local change to anything in the record (`listChangedSince` reads this). */
  updatedAt: number;
  /** Epoch ms of the latest change to each synced field. */
  fieldUpdatedAt: Record<SyncedField, number>;
}

/** An article's body, stored apart from its metadata. */
export interface ContentRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  content: SafeHtml;
  textContent: string;
}

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Planned for highlights and notes; the store exists so that feature needs no migration of its own. */
export interface HighlightRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  articleId: string;
  selector: TextQuoteSelector;
  /** Character offsets in the article's textContent. */
  position: { start: number; end: number };
  color: string;
  note: string;
  createdAt: number;
  updatedAt: number;
}

/** A soft-deleted article, whole, so "undo" can put it back; purged (with a tombstone) later. */
export interface TrashRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  deletedAt: number;
  article: ArticleRecord;
  content: ContentRecord | null;
  highlights: HighlightRecord[];
}

/** Remembers a deletion so sync can propagate it and not resurrect the article from another device. */
export interface TombstoneRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  /** The deleted article's id (its normalised URL). */
  url: string;
  deletedAt: number;
}

/** Small internal values (the search-index snapshot: a head record and its parts, ./search-snapshot-store.ts). */
export interface MetaRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  key: string;
  value: unknown;
}

/** Why an image of a saved article has no bytes stored (lib/library/offline-images/); an image that could not be reached is not recorded, so it is tried again. */
export type ImageSkipReason = 'too-large' | 'not-an-image' | 'over-budget';

/**
 * One image of a saved article, cached for offline reading: the bytes (possibly downscaled) keyed by the
 * article and the URL the article's body (or lead image) names, or why there are none. Written from
 * database version 3 on, in this shape; deleted with the article when its trash is purged.
 */
export interface ImageRecord {
  schemaVersion: 3;
  articleId: string;
  /** The URL exactly as the sanitized body (or the record's leadImage) has it. */
  url: string;
  /** The image to show in place of `url`; null when skipped. */
  blob: Blob | null;
  /** `blob.size`, kept apart so totals never read the blobs. */
  bytes: number;
  skipped: ImageSkipReason | null;
  cachedAt: number;
}

/** Dexie store declarations: primary key first, then indexes (`*` multi-entry, `[a+b]` compound). */
export type StoreDeclarations = Record<string, string | null>;

export interface SchemaStep {
  version: number;
  stores: StoreDeclarations;
  /** Why this version exists. */
  reason: string;
  /** Only adds stores or indexes: existing records keep their shape, so the step has no migration. */
  dataUnchanged?: true;
}

export const SCHEMA_STEPS: readonly SchemaStep[] = [
  {
    version: 1,
    reason: 'The library: metadata apart from bodies, soft-delete trash, the search-index snapshot.',
    stores: {
      articles: 'id, savedAt, titleKey, readingMinutes, *tags, [archived+savedAt], [archived+read+savedAt], [favourite+savedAt]',
      contents: 'id',
      trash: 'id, deletedAt',
      meta: 'key',
    },
  },
  {
    version: 2,
    reason: 'Sync and highlights: per-field change times, an updatedAt index, tombstones, the highlights store.',
    stores: {
      articles:
        'id, savedAt, updatedAt, titleKey, readingMinutes, *tags, [archived+savedAt], [archived+read+savedAt], [favourite+savedAt]',
      tombstones: 'url, deletedAt',
      highlights: 'id, articleId, createdAt',
    },
  },
  {
    version: 3,
    reason: 'Offline images: the images store, keyed by article and image URL, indexed by article (for the delete cascade).',
    stores: {
      images: '[articleId+url], articleId',
    },
    // A new, empty store: no stored record changes shape, so none is rewritten.
    dataUnchanged: true,
  },
];
