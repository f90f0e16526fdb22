import { describe, expect, it } from 'vitest';
import { saveArticle, setProgress, setRead } from '@/lib/storage/library-repo';
import { setListenPosition } from '@/lib/storage/library-repo-listen';
import { toSyncEntry } from '@/lib/storage/library-repo-sync';
import type { ArticleRecord } from '@/lib/storage/schema';
import { freshDb, makeArticle } from './library-test-helpers';

async function savedRecord() {
  const db = freshDb();
  const saved = await saveArticle(db, { article: makeArticle(), pageUrl: 'https://example.com/post', now: 1_000 });
  if (!saved.ok) throw new Error(saved.error.message);
  return { db, id: saved.value.record.id };
}

const read = async (db: ReturnType<typeof freshDb>, id: string) => (await db.articles.get(id)) as ArticleRecord;

describe('the read-aloud position of a saved article', () => {
  it('is absent on records written before it existed (read as "from the start"), and set without a migration', async () => {
    const { db, id } = await savedRecord();
    const before = await read(db, id);
    expect(before.progress).toEqual({ percent: 0, scrollY: 0 });
    expect(before.progress.listenParagraph).toBeUndefined();
    expect(await setListenPosition(db, id, 7)).toEqual({ ok: true, value: true });
    const after = await read(db, id);
    expect(after.progress).toEqual({ percent: 0, scrollY: 0, listenParagraph: 7 });
    expect(after.schemaVersion).toBe(before.schemaVersion);
  });

  it('moves no change time: neither sync nor the search index see it', async () => {
    const { db, id } = await savedRecord();
    const before = await read(db, id);
    await setListenPosition(db, id, 3);
    const after = await read(db, id);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.fieldUpdatedAt).toEqual(before.fieldUpdatedAt);
    expect(toSyncEntry(after).progress).toEqual({ percent: 0, scrollY: 0, read: false });
  });

  it('survives scroll progress being saved, and is reset with it when marked unread', async () => {
    const { db, id } = await savedRecord();
    await setListenPosition(db, id, 4);
    await setProgress(db, id, { percent: 40, scrollY: 900 }, 2_000);
    expect((await read(db, id)).progress).toEqual({ percent: 40, scrollY: 900, listenParagraph: 4 });
    await setRead(db, [id], true, 3_000);
    await setRead(db, [id], false, 4_000);
    expect((await read(db, id)).progress).toEqual({ percent: 0, scrollY: 0 });
  });

  it('is a whole paragraph number, never negative; unchanged or missing articles report false', async () => {
    const { db, id } = await savedRecord();
    await setListenPosition(db, id, 2.7);
    expect((await read(db, id)).progress.listenParagraph).toBe(2);
    await setListenPosition(db, id, -3);
    expect((await read(db, id)).progress.listenParagraph).toBe(0);
    expect(await setListenPosition(db, id, 0)).toEqual({ ok: true, value: false });
    expect(await setListenPosition(db, 'https://example.com/missing', 1)).toEqual({ ok: true, value: false });
  });
});
