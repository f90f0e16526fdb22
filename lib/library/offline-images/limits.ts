/**
 * How much Folio keeps of saved articles' images, and why these numbers (README "Where data lives").
 * A saved news article's body images are typically 50–400 KB each once at most 1600 px wide; these limits
 * keep an ordinary article whole and stop a gallery or a 40 MB photo from filling the disk.
 */
export const OFFLINE_IMAGE_LIMITS = {
  /** An image whose download is larger is skipped (its URL stays): a photo that big is print-size. */
  maxDownloadBytes: 5 * 1024 * 1024,
  /** Wider images are redrawn at this width (the reader's column is at most ~900 CSS px; 1600 covers 2x screens up to ~800 px). */
  maxWidth: 1600,
  /** Per article; images past it are skipped ("over-budget"). */
  maxArticleBytes: 15 * 1024 * 1024,
  /** Images cached per article at most (a gallery of 300 thumbnails is not reading matter). */
  maxImagesPerArticle: 60,
  /** Total of every article's cached images; past it no new image is cached until articles are deleted. */
  maxTotalBytes: 1024 * 1024 * 1024,
  /** Stop when the browser's estimate leaves less than this free for the extension's origin. */
  minFreeBytes: 500 * 1024 * 1024,
  /** Fetches at a time: enough to overlap latency, few enough not to compete with the page being read. */
  concurrency: 3,
  /** One image's fetch gives up after this long. */
  fetchTimeoutMs: 20_000,
} as const;

export type OfflineImageLimits = { -readonly [K in keyof typeof OFFLINE_IMAGE_LIMITS]: number };
