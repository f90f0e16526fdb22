import { SyncStatusLine } from '@/components/settings/SyncStatusLine';
import { useLiveValue } from '@/components/settings/use-live-value';
import { loadSyncStatus, watchSyncStatus } from '@/lib/storage/sync-status-item';
import type { SyncStatus } from '@/lib/sync';
import './library-sync-status.css';

const NO_STATUS: SyncStatus | null = null;

/** The reading list's sync ("N of M articles synced"), live, as the options page shows it. */
export function LibrarySyncStatus() {
  const [status] = useLiveValue(NO_STATUS, loadSyncStatus, watchSyncStatus);
  return <SyncStatusLine status={status} />;
}
