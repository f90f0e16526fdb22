import type { Transaction } from 'dexie';
import { migrateToV2 } from './v2-sync-fields';

/** The data migration that runs when the database reaches each version (none for version 1). */
export const MIGRATIONS: Readonly<Record<number, (tx: Transaction) => Promise<void>>> = {
  2: migrateToV2,
};
