import { storage } from 'wxt/utils/storage';
import type { SyncStatus } from '../sync';

/**
 * The sync engine runs in the background; its status is mirrored here (storage.local, this device only)
 * so the options and library pages can show "N of M articles synced" and "retrying at …".
 */
export const syncStatusItem = storage.defineItem<SyncStatus | null>('local:syncStatus', { fallback: null });

export function watchSyncStatus(callback: (status: SyncStatus | null) => void): () => void {
  return syncStatusItem.watch(callback);
}

export const loadSyncStatus = (): Promise<SyncStatus | null> => syncStatusItem.getValue();
