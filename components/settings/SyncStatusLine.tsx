import type { SyncStatus } from '@/lib/sync';

/** One sentence on the reading list's sync: how many articles fit, and whether it is waiting to retry. */
export function syncStatusText(status: SyncStatus | null, formatTime: (ms: number) => string): string {
  if (!status) return 'Reading-list sync has not run on this device yet.';
  if (status.lastError) {
    const retry = status.retryAt !== null ? ` Retrying at ${formatTime(status.retryAt)}.` : '';
    return `Sync is paused: ${status.lastError}.${retry}`;
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
    <p className="folio-sync-status" role="status" aria-live="polite">
      {text}
    </p>
  );
}
