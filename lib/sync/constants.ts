/**
 * storage.sync quotas (Chrome's numbers; Firefox uses the same sizes) and Folio's own budget inside them.
 * Bytes are counted as UTF-8 bytes of key + JSON.stringify(value): Chrome counts bytes, and UTF-8 bytes
 * are never fewer than the UTF-16 length, so this budget is safe under either reading of the quota.
 */
export const QUOTA_BYTES = 102_400;
export const QUOTA_BYTES_PER_ITEM = 8_192;
export const MAX_ITEMS = 512;
export const MAX_WRITE_OPERATIONS_PER_MINUTE = 120;
export const MAX_WRITE_OPERATIONS_PER_HOUR = 1_800;

/** Every key the engine reads or writes starts with this; anything else (e.g. `sync:prefs:*`) is foreign. */
export const KEY_PREFIX = 'folio:s:';
export const MANIFEST_KEY = `${KEY_PREFIX}m`;
export const FORMAT_VERSION = 1;

/** Space kept free for preferences and other modules, even before they have written anything. */
export const RESERVED_FOREIGN_BYTES = 16_384;
export const RESERVED_FOREIGN_ITEMS = 32;
/** Slack for rounding and for a foreign module writing while our batch is in flight. */
export const SAFETY_BYTES = 1_024;
export const ITEM_SAFETY_BYTES = 64;

/** Entries hash into this many buckets; a bucket is one item (more only when it outgrows one), so an
 * edit rewrites one item. Fixed per format version so every device computes the same layout. */
export const BUCKET_COUNT = 16;

/** Stamps count milliseconds from this instant, so they stay 7–8 base-36 digits for decades. */
export const SYNC_EPOCH_MS = Date.UTC(2025, 0, 1);

/** Titles are clipped in sync only (the full title arrives with the article's content). */
export const TITLE_MAX_CHARS = 120;
/** An entry bigger than this (a pathological URL) stays local rather than crowd out others. */
export const MAX_RECORD_BYTES = 2_048;

/** Tombstones (and removed-tag markers) older than this are dropped; see tombstone-gc.ts. */
export const TOMBSTONE_HORIZON_MS = 30 * 24 * 60 * 60 * 1000;

export const PROGRESS_SCALE = 1000;
