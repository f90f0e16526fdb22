import { describe, expect, it } from 'vitest';
import { newArticleRecord } from '../../lib/library/article-record';
import { FIRST_SCREEN_ROWS, readFirstScreen, writeFirstScreen } from '../../lib/storage/first-screen';
import { makeArticle } from './library-test-helpers';

/** An in-memory stand-in for localStorage (the unit tests run in Node). */
function memoryStorage(limit = Infinity) {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (value.length > limit) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

const record = (n: number) => newArticleRecord(makeArticle({ url: `https://example.com/${n}`, title: `Post ${n}` }), { id: `https://example.com/${n}`, url: `https://example.com/${n}`, now: n });
const VIEW = JSON.stringify({ status: 'inbox', sort: 'newest' });

describe('library first screen', () => {
  it('gives back the rows written for the same view, at most FIRST_SCREEN_ROWS of them, in order', () => {
    const store = memoryStorage();
    const records = Array.from({ length: 60 }, (_, i) => record(i));
    writeFirstScreen(VIEW, records, store);
    const read = readFirstScreen(VIEW, store);
    expect(read?.map((r) => r.id)).toEqual(records.slice(0, FIRST_SCREEN_ROWS).map((r) => r.id));
    expect(read?.[0]).toEqual(records[0]);
  });

  it('gives nothing for another view, an empty list, a broken or foreign value', () => {
    const store = memoryStorage();
    expect(readFirstScreen(VIEW, store)).toBeNull();
    writeFirstScreen(VIEW, [record(1)], store);
    expect(readFirstScreen(JSON.stringify({ status: 'archived', sort: 'newest' }), store)).toBeNull();
    writeFirstScreen(VIEW, [], store);
    expect(readFirstScreen(VIEW, store)).toBeNull();
    store.items.set('folio:library-first-screen', '{not json');
    expect(readFirstScreen(VIEW, store)).toBeNull();
    store.items.set('folio:library-first-screen', JSON.stringify({ format: 99, view: VIEW, records: [record(1)] }));
    expect(readFirstScreen(VIEW, store)).toBeNull();
  });

  it('never throws: no storage, or a full quota, just means no first screen', () => {
    expect(readFirstScreen(VIEW, null)).toBeNull();
    expect(() => writeFirstScreen(VIEW, [record(1)], null)).not.toThrow();
    const full = memoryStorage(10);
    expect(() => writeFirstScreen(VIEW, [record(1)], full)).not.toThrow();
    expect(readFirstScreen(VIEW, full)).toBeNull();
  });
});
