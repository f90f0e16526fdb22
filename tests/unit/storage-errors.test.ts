import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { saveArticle } from '../../lib/storage/library-repo';
import { classifyStorageError, toStorageFailure } from '../../lib/storage/storage-errors';
import { freshDb, makeArticle } from './library-test-helpers';

describe('storage errors', () => {
  it('recognises quota, unavailable, blocked and invalid-data errors, also when Dexie wraps them', () => {
    expect(classifyStorageError(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(classifyStorageError(new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')))).toBe('quota');
    expect(classifyStorageError(new Dexie.MissingAPIError('no IndexedDB'))).toBe('unavailable');
    expect(classifyStorageError(new Dexie.VersionError('newer'))).toBe('blocked');
    expect(classifyStorageError(new Dexie.DataError('bad key'))).toBe('invalid');
    expect(classifyStorageError(new Error('???'))).toBe('unknown');
  });

  it('gives the user a sentence and keeps the technical detail for logs', () => {
    const failure = toStorageFailure(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(failure.message).toMatch(/storage is full/);
    expect(failure.detail).toBe('QuotaExceededError: The quota has been exceeded.');
  });

  it('reports a save that the browser refused instead of losing it, and stores nothing half-way', async () => {
    const db = freshDb();
    await db.open();
    vi.spyOn(db.contents, 'put').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const result = await saveArticle(db, { article: makeArticle(), pageUrl: 'https://example.com/post' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'quota', message: expect.stringMatching(/storage is full/) } });
    // The transaction rolled back: no article without its body.
    expect(await db.articles.count()).toBe(0);
    expect(await db.contents.count()).toBe(0);
  });
});
