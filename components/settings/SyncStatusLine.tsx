import type { SyncStatus } from '@/lib/sync';

/**
 * Why the browser refused a write, in words a reader knows. Chrome names the quota in its message
 * ("This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota."); Firefox says "exceeded its quota".
 * Anything else (a read failure, a newer sync format) is shown as the engine worded it.
 */
export function syncErrorText(message: string): string {
  if (/PER_MINUTE/.test(message)) return 'your browser’s sync refused a change (it accepts 120 a minute)';
  if (/PER_HOUR/.test(message)) return 'your browser’s sync refused a change (it accepts 1,800 an hour)';
  if (/QUOTA_BYTES|MAX_ITEMS|quota/i.test(message)) return 'your browser’s sync storage refused a change: it is full';
  return message;
}

/** One sentence on the reading list's sync: how many articles fit, and whether it is waiting to retry. */
export function syncStatusText(status: SyncStatus | null, formatTime: (ms: number) => string): string {
  if (!status) return 'Reading-list sync has not run on this device yet.';
  if (status.lastError) {
    const retry = status.retryAt !== null ? ` Folio keeps your changes and tries again at ${formatTime(status.retryAt)}.` : '';
    return `Sync is paused: ${syncErrorText(status.lastError)}.${retry}`;
  }
  const counts =
    status.syncedCount < status.totalCount
      ? `${status.syncedCount} of ${status.totalCount} articles synced: browser sync storage is full, so the most recent ones sync.`
      : `${status.syncedCount} of ${status.totalCount} articles synced.`;
  return status.pending ? `${counts} Sending changes…` : counts;
}

export function SyncStatusLine({ status }: { status: SyncStatus | null }) {
  const text = syncStatusText(status, (ms) => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }));
  return (
    <p className={`folio-sync-status${status?.lastError ? ' is-paused' : ''}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
