import type { Transaction } from 'dexie';
import { SYNCED_FIELDS, type ArticleRecord, type SyncedField, type TrashRecord } from '../schema';

/** An article as schema version 1 stored it: no change times. */
export type ArticleRecordV1 = Omit<ArticleRecord, 'schemaVersion' | 'updatedAt' | 'fieldUpdatedAt'> & { schemaVersion: 1 };

/**
 * Version 1 → 2. Sync needs to know when each field last changed; for old records the best honest
 * answer is the latest moment we know about (when it was read, else when it was saved).
 */
export function upgradeArticleV1ToV2(old: ArticleRecordV1): ArticleRecord {
  const known = Math.max(old.savedAt, old.readAt ?? 0);
  const fieldUpdatedAt = Object.fromEntries(SYNCED_FIELDS.map((field) => [field, known])) as Record<SyncedField, number>;
  return { ...old, schemaVersion: 2, updatedAt: known, fieldUpdatedAt };
}

export async function migrateToV2(tx: Transaction): Promise<void> {
  await tx.table('articles').toCollection().modify((record: Record<string, unknown>) => {
    Object.assign(record, upgradeArticleV1ToV2(record as unknown as ArticleRecordV1));
  });
  await tx.table('trash').toCollection().modify((record: Record<string, unknown>) => {
    const trashed = record as unknown as Omit<TrashRecord, 'article' | 'schemaVersion'> & { article: ArticleRecordV1 };
    Object.assign(record, {
      schemaVersion: 2,
      article: upgradeArticleV1ToV2(trashed.article),
      content: trashed.content ? { ...trashed.content, schemaVersion: 2 } : null,
      highlights: [],
    });
  });
  for (const name of ['contents', 'meta']) {
    await tx.table(name).toCollection().modify((record: Record<string, unknown>) => {
      record.schemaVersion = 2;
    });
  }
}
