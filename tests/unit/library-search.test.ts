import MiniSearch from 'minisearch';
import { describe, expect, it, vi } from 'vitest';
import { LibrarySearch, type SearchableArticle } from '../../lib/library/search/library-search';
import { SearchService } from '../../lib/library/search/search-service';
import { tokenize } from '../../lib/library/search/tokenize';
import { saveArticle, setTags } from '../../lib/storage/library-repo';
import { deleteArticles, restoreArticles } from '../../lib/storage/library-repo-trash';
import { freshDb, makeArticle } from './library-test-helpers';

const doc = (id: string, title: string, text: string, tags: string[] = []): SearchableArticle => ({ id, title, siteName: null, byline: null, tags, text });
const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);

function sampleIndex(): LibrarySearch {
  const index = LibrarySearch.empty();
  index.upsert(doc('a', 'Sourdough bread at home', 'Flour, water and patience make a loaf.'));
  index.upsert(doc('b', 'Rust ownership explained', 'The borrow checker keeps memory safe without a garbage collector.', ['programming']));
  index.upsert(doc('c', 'Notes on patience', 'Waiting is a skill; bread teaches it.'));
  index.upsert(doc('d', 'Café culture in Zürich', 'Espresso and croissants by the lake.'));
  return index;
}

describe('tokenize', () => {
  it('splits on anything but letters and digits, lower-cases and folds accents', () => {
    expect(tokenize('Café-culture in ZÜRICH, 2024!')).toEqual(['cafe', 'culture', 'in', 'zurich', '2024']);
    expect(tokenize('日本語 text')).toEqual(['日本語', 'text']);
  });
});

describe('LibrarySearch', () => {
  it('finds words in titles and bodies, titles ranked first', () => {
    const index = sampleIndex();
    expect(ids(index.search('bread '))).toEqual(['a', 'c']);
    expect(ids(index.search('patience '))).toEqual(['c', 'a']);
    expect(ids(index.search('garbage '))).toEqual(['b']);
  });

  it('requires every word, matching the last one as a prefix while typing', () => {
    const index = sampleIndex();
    expect(ids(index.search('bread pat'))).toEqual(expect.arrayContaining(['a', 'c']));
    expect(ids(index.search('bread water '))).toEqual(['a']);
    expect(ids(index.search('borrow chec'))).toEqual(['b']);
    expect(ids(index.search('borrow chec '))).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('matches tags, accents folded, and small typos in titles', () => {
    const index = sampleIndex();
    expect(ids(index.search('programming '))).toEqual(['b']);
    expect(ids(index.search('zurich cafe '))).toEqual(['d']);
    expect(ids(index.search('owenrship '))).toEqual(['b']);
  });

  it('replaces and removes documents', () => {
    const index = sampleIndex();
    index.upsert(doc('a', 'Focaccia', 'Olive oil and salt.'));
    expect(ids(index.search('sourdough '))).toEqual([]);
    expect(ids(index.search('olive '))).toEqual(['a']);
    index.remove('c');
    expect(ids(index.search('patience '))).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('survives a snapshot round trip (through structured clone, as IndexedDB stores it) and keeps accepting changes', () => {
    const index = sampleIndex();
    index.remove('b');
    index.watermark = 1234;
    const restored = LibrarySearch.fromSnapshot(structuredClone(index.toSnapshot()));
    expect(restored.watermark).toBe(1234);
    expect(restored.size).toBe(3);
    const queries = ['bread ', 'patience ', 'zur', 'garbage ', 'programming '];
    // Before the title index is parsed the body index answers alone: the same articles, maybe ranked differently.
    expect(restored.titleIndexLoaded).toBe(false);
    for (const query of queries) expect(ids(restored.search(query)).sort()).toEqual(ids(index.search(query)).sort());
    restored.loadTitleIndex();
    for (const query of queries) expect(ids(restored.search(query))).toEqual(ids(index.search(query)));
    const lazy = LibrarySearch.fromSnapshot(structuredClone(index.toSnapshot()));
    lazy.upsert(doc('z', 'Owenrship fuzzy', ''));
    lazy.remove('a');
    lazy.loadTitleIndex();
    expect(ids(lazy.search('sourdough '))).toEqual([]);
    expect(ids(lazy.search('ownership '))).toEqual(expect.arrayContaining(['z']));
    restored.upsert(doc('e', 'More bread', 'Rye.'));
    restored.upsert(doc('a', 'Sourdough bread at home', 'Flour, water, patience, rye.'));
    expect(ids(restored.search('rye '))).toEqual(expect.arrayContaining(['a', 'e']));
    expect(ids(restored.search('rye ')).length).toBe(2);
  });

  it('rebuilds the title index of a snapshot in slices, with the changes made meanwhile, and never serializes MiniSearch whole', async () => {
    const index = sampleIndex();
    const toJSON = vi.spyOn(MiniSearch.prototype, 'toJSON');
    const snapshot = structuredClone(await index.toSnapshotInSlices(async () => undefined, 0));
    expect(toJSON).not.toHaveBeenCalled();
    toJSON.mockRestore();
    const restored = LibrarySearch.fromSnapshot(snapshot);
    let pauses = 0;
    await restored.loadTitleIndexInSlices(async () => {
      pauses += 1;
      if (pauses === 1) {
        expect(restored.titleIndexLoaded).toBe(false);
        restored.upsert(doc('e', 'Owenrship of bread', 'Crumbs.'));
        restored.remove('b');
      }
    }, 0);
    expect(pauses).toBeGreaterThan(0);
    expect(restored.titleIndexLoaded).toBe(true);
    // Typo tolerance is the title index's: 'ownership' finds the new title, and the removed one is gone.
    expect(ids(restored.search('ownership '))).toEqual(['e']);
    expect(ids(restored.search('bread '))).toEqual(['e', 'a', 'c']);
    // The next snapshot holds the documents as they are now.
    const again = LibrarySearch.fromSnapshot(structuredClone(restored.toSnapshot()));
    again.loadTitleIndex();
    expect(ids(again.search('ownership '))).toEqual(['e']);
  });

  it('applies the changes that came before the title index was rebuilt in slices too (a big catch-up on a loaded snapshot)', async () => {
    const restored = LibrarySearch.fromSnapshot(structuredClone(sampleIndex().toSnapshot()));
    // A catch-up of 1,000 articles while the title index still waits: far more than one slice's work.
    for (let n = 0; n < 1_000; n += 1) restored.upsert(doc(`n${n}`, `Caught up ${n} kombucha`, 'Later.'));
    let pauses = 0;
    let searchedMidway: string[] = [];
    await restored.loadTitleIndexInSlices(async () => {
      pauses += 1;
      // Changes keep coming while the pending ones are applied: the last of them is applied too.
      if (pauses === 5) restored.upsert(doc('late', 'Owenrship arrived late', ''));
      if (pauses === 6) searchedMidway = ids(restored.search('kombucha ', 2_000));
    }, 0);
    // 1,000 changes at 100 per step: at least 10 slices, so no step applies them all.
    expect(pauses).toBeGreaterThanOrEqual(10);
    expect(searchedMidway).toHaveLength(1_000);
    expect(restored.titleIndexLoaded).toBe(true);
    expect(ids(restored.search('kombucha ', 2_000))).toHaveLength(1_000);
    // Typo tolerance is the title index's own: the late change is in it (with 'Rust ownership explained').
    expect(ids(restored.search('ownership ')).sort()).toEqual(['b', 'late']);
    expect(ids(restored.search('sourdough '))).toEqual(['a']);
  });

  it('writes a snapshot in slices that searches and changes can run between, and it is the index as it was when it began', async () => {
    const index = sampleIndex();
    index.watermark = 99;
    const before = structuredClone(index.toSnapshot());
    const answered: string[][] = [];
    let pauses = 0;
    // Every step is a slice (sliceMs 0): at each pause a search runs, and at the first one the index changes.
    const sliced = await index.toSnapshotInSlices(async () => {
      pauses += 1;
      answered.push(ids(index.search('bread ')));
      if (pauses === 1) {
        index.upsert(doc('e', 'Bread and butter', 'Butter.'));
        index.upsert(doc('a', 'Sourdough, again', 'Only rye now.'));
        index.remove('c');
        index.watermark = 200;
      }
    }, 0);
    expect(pauses).toBeGreaterThan(1);
    expect(answered[0]).toEqual(['a', 'c']);
    expect(answered.at(-1)).toEqual(['e']);
    expect(sliced).toEqual(before);
    const restored = LibrarySearch.fromSnapshot(structuredClone(sliced));
    restored.loadTitleIndex();
    expect(restored.watermark).toBe(99);
    for (const query of ['bread ', 'rye ', 'patience ', 'butter ']) expect(ids(restored.search(query))).toEqual(ids(sampleIndex().search(query)));
  });
});

describe('SearchService', () => {
  it('builds from the stores, then sees saves, edits, deletes and undo made through another connection', async () => {
    const db = freshDb();
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1', title: 'Alpine lakes', textContent: 'Cold clear water.' }), pageUrl: 'https://e.com/1' });
    const service = new SearchService(db);
    const search = async (q: string) => {
      const result = await service.search(q);
      if (!result.ok) throw new Error(result.error.message);
      return ids(result.value).sort();
    };
    expect(await search('alpine ')).toEqual(['https://e.com/1']);

    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/2', title: 'Deserts', textContent: 'Dry sand and cold nights.' }), pageUrl: 'https://e.com/2' });
    await setTags(db, 'https://e.com/1', ['travel']);
    expect(await search('cold ')).toEqual(['https://e.com/1', 'https://e.com/2']);
    expect(await search('travel ')).toEqual(['https://e.com/1']);
    await deleteArticles(db, ['https://e.com/2']);
    expect(await search('cold ')).toEqual(['https://e.com/1']);
    await restoreArticles(db, ['https://e.com/2']);
    expect(await search('sand ')).toEqual(['https://e.com/2']);

    // A second page loads the persisted snapshot and catches up with what changed after it.
    await service.persist();
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/3', title: 'Fjords', textContent: 'Cold steep water.' }), pageUrl: 'https://e.com/3' });
    const other = new SearchService(db);
    const result = await other.search('cold ');
    expect(result.ok && ids(result.value).sort()).toEqual(['https://e.com/1', 'https://e.com/2', 'https://e.com/3']);
  });
});

describe('BodyIndex completions', () => {
  it('completes prefixes with terms added after the first search, without re-sorting', () => {
    const index = LibrarySearch.empty();
    index.upsert(doc('a', 'One', 'alpha alpine'));
    expect(ids(index.search('alp'))).toEqual(['a']);
    index.upsert(doc('b', 'Two', 'alpaca'));
    expect(ids(index.search('alpa'))).toEqual(['b']);
    expect(ids(index.search('alp')).sort()).toEqual(['a', 'b']);
  });
});

describe('BodyIndex sorted terms', () => {
  const manyDocs = (count: number, word: (n: number) => string) => Array.from({ length: count }, (_, n) => doc(`id${n}`, `Title ${n}`, `${word(n)} common`));

  it('sorts its terms when built (compact) and when loaded, never on a keystroke', () => {
    const word = (n: number) => `term${(n * 7919) % 300}`;
    const expected = manyDocs(300, word).filter((item) => item.text.startsWith('term29')).map((item) => item.id);
    const built = LibrarySearch.empty();
    for (const item of manyDocs(300, word)) built.upsert(item);
    built.compact();
    const loaded = LibrarySearch.fromSnapshot(structuredClone(built.toSnapshot()));
    const sort = vi.spyOn(Array.prototype, 'sort');
    try {
      for (const index of [built, loaded]) {
        sort.mockClear();
        expect(ids(index.search('term29')).sort()).toEqual([...expected].sort());
        // The only sort of a search is topHits' ranking of its few hits, never the term list.
        for (const call of sort.mock.contexts) expect((call as unknown[]).length).toBeLessThan(50);
      }
    } finally {
      sort.mockRestore();
    }
  });

  it('stores terms in sorted order, merges many new terms in one pass, and completes from both', () => {
    const index = LibrarySearch.empty();
    for (const item of manyDocs(2_500, (n) => `w${n.toString(36)}`)) index.upsert(item);
    // Over 2,000 new terms and no compact: the first prefix search merges them, and finds them all.
    expect(index.search('w1').length).toBe(50);
    index.upsert(doc('late', 'Late', 'w1late'));
    expect(ids(index.search('w1late'))).toEqual(['late']);
    const terms = index.toSnapshot().body.terms.split('\n');
    expect(terms).toEqual([...terms].sort());
    expect(terms).toContain('w1late');
  });
});

describe('SearchService catch-up', () => {
  it('reads again only the bodies of articles that changed since they were indexed', async () => {
    const db = freshDb();
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1', title: 'One', textContent: 'apples' }), pageUrl: 'https://e.com/1' });
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/2', title: 'Two', textContent: 'pears' }), pageUrl: 'https://e.com/2' });
    const service = new SearchService(db);
    await service.search('apples ');
    const reads = vi.spyOn(db.contents, 'bulkGet');
    await service.search('pears ');
    expect(reads.mock.calls.flatMap(([ids]) => ids)).toEqual([]);
    await setTags(db, 'https://e.com/2', ['fruit']);
    const result = await service.search('fruit ');
    expect(reads.mock.calls.flatMap(([ids]) => ids)).toEqual(['https://e.com/2']);
    expect(result.ok && ids(result.value)).toEqual(['https://e.com/2']);
  });
});

describe('topHits', () => {
  it('returns the best ordinals in order, ties to the later one, also when it prunes', async () => {
    const { topHits } = await import('../../lib/library/search/library-search');
    const scores = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 101);
    const all = Array.from({ length: 1000 }, (_, i) => i);
    const expected = [...all].sort((a, b) => scores[b]! - scores[a]! || b - a).slice(0, 10);
    expect(topHits([...all], scores, 10)).toEqual(expected);
    expect(topHits([3, 1, 2], Float64Array.from([0, 5, 5, 9]), 2)).toEqual([3, 2]);
  });
});
