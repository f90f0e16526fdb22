import type { ArticleRecord } from '@/lib/storage/schema';

/** Display helpers for saved articles (pure; shared by the popup and the library page). */

/**
 * One formatter for every row, made on first use: constructing an Intl.DateTimeFormat costs far more
 * than formatting with it (a trace of the library at 10,000 articles: a new one per row made up most of
 * each 25–65 ms render of the search results and the first screen's drawing).
 */
let mediumDate: Intl.DateTimeFormat | null = null;

export function formatSavedDate(ms: number, now = Date.now()): string {
  const days = Math.floor((now - ms) / 86_400_000);
  if (days < 1) return 'today';
  if (days < 2) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  mediumDate ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return mediumDate.format(new Date(ms));
}

export function formatMinutes(minutes: number): string | null {
  return minutes > 0 ? `${minutes} min` : null;
}

export function articleHref(id: string, base: string): string {
  return `${base}?id=${encodeURIComponent(id)}`;
}

/** What a library row says under its title (site, date, state, length, progress), as one line. */
export function rowMetaLine(record: ArticleRecord): string {
  const progress = record.read ? 'Read' : record.progress.percent > 0 ? `${Math.round(record.progress.percent)}%` : null;
  return [
    record.siteName,
    formatSavedDate(record.savedAt),
    record.archived ? 'archived' : null,
    formatMinutes(record.readingMinutes),
    progress,
    record.contentState === 'pending' ? 'not downloaded' : null,
    record.contentState === 'failed' ? 'download failed' : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Whether a row shows the reading-progress bar (started, not finished). */
export function showsProgressBar(record: ArticleRecord): boolean {
  return record.progress.percent > 0 && !record.read;
}

/** The labels of a row's action buttons. */
export function rowActionLabels(record: ArticleRecord): { favourite: string; archive: string; delete: string } {
  return { favourite: record.favourite ? '★' : '☆', archive: record.archived ? 'Unarchive' : 'Archive', delete: 'Delete' };
}

/** Element Timing's name for row titles: the benchmark reads when the first one was painted. */
export const ROW_TITLE_TIMING = 'folio-row';
