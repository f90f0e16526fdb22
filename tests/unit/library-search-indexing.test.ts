import { describe, expect, it } from 'vitest';
import { SearchService, type IndexingProgress } from '../../lib/library/search/search-service';
import { saveArticle } from '../../lib/storage/library-repo';
import { freshDb, makeArticle } from './library-test-helpers';

const WORDS = ['granite', 'harbour', 'lantern', 'meadow', 'orchard', 'pebble', 'quarry', 'river', 'saddle', 'timber'];

/** `count` articles (300: more than one build batch), each with a few of the words, one with an accented title. */
async function library(count = 300) {
  const db = freshDb();
  for (let n = 0; n < count; n += 1) {
    const text = `${WORDS[n % 10]} ${WORDS[(n * 3) % 10]} ${WORDS[(n * 7 + 1) % 10]} article number ${n}`;
    const title = n === 123 ? 'Café crème' : `Story ${n}`;
    await saveArticle(db, { article: makeArticle({ url: `https://e.com/${n}`, title, textContent: text }), pageUrl: `https://e.com/${n}`, now: 1_000 + n });
  }
  return db;
}

describe('search while the index is being built', () => {
  it('answers with the same articles as the complete index, says how far indexing is, and reports progress to done', async () => {
    const db = await library();
    const progress: IndexingProgress[] = [];
    // No reading budget: every article not indexed yet is read for each answer.
    const building = new SearchService(db, { quietMs: 0, scanBudgetMs: Number.POSITIVE_INFINITY, onProgress: (p) => progress.push(p) });
    const queries = ['harbour', 'lantern pebb', 'cafe', 'river timber ', 'nothingmatches'];
    // Asked before the build is done: each is answered from what is indexed plus a scan of the rest.
    const meanwhile = [];
    for (const query of queries) meanwhile.push(await building.searchLibrary(query, 500));
    const ready = await building.ready();
    expect(ready.ok).toBe(true);

    const complete = new SearchService(db, { quietMs: 0 });
    for (const [i, query] of queries.entries()) {
      const early = meanwhile[i]!;
      const late = await complete.searchLibrary(query, 500);
      expect(early.ok && late.ok).toBe(true);
      if (!early.ok || !late.ok) continue;
      expect(early.value.articles.map((hit) => hit.id).sort(), query).toEqual(late.value.articles.map((hit) => hit.id).sort());
    }
    const first = meanwhile[0]!;
    expect(first.ok && first.value.indexing).toMatchObject({ total: 300, complete: true });
    expect(progress.at(-1)).toEqual({ indexed: 300, total: 300, done: true });
    expect(progress.filter((p) => !p.done).length).toBeGreaterThan(0);
    building.dispose();
    complete.dispose();
  });

  it('answers after its reading budget with what it found so far, says the answer is partial, and the complete index answers in full', async () => {
    // Enough articles that one scan batch (200) cannot read all those the build has not reached yet.
    const db = await library(1000);
    // A budget of 0: one batch of the articles not indexed yet is read, then the search answers.
    const building = new SearchService(db, { quietMs: 0, scanBudgetMs: 0, onProgress: () => undefined });
    const partial = await building.searchLibrary('harbour', 500);
    await building.ready();
    const full = await building.searchLibrary('harbour', 500);
    if (!partial.ok || !full.ok) throw new Error('search failed');
    expect(partial.value.indexing).toMatchObject({ total: 1000, complete: false });
    expect(full.value.indexing).toBeUndefined();
    const partialIds = partial.value.articles.map((hit) => hit.id);
    const fullIds = full.value.articles.map((hit) => hit.id);
    // 'harbour' is in 300 of the 1,000 articles; one batch of the rest finds some of them, never a wrong one.
    expect(fullIds).toHaveLength(300);
    expect(partialIds.length).toBeGreaterThan(0);
    expect(partialIds.length).toBeLessThan(300);
    expect(partialIds.every((id) => fullIds.includes(id))).toBe(true);
    building.dispose();
  });

  it('a search overtaken by a newer one while indexing still gets the complete answer, from the built index', async () => {
    const db = await library();
    const service = new SearchService(db, { quietMs: 0, onProgress: () => undefined });
    const [older, newer] = await Promise.all([service.searchLibrary('granite', 500), service.searchLibrary('meadow', 500)]);
    const check = new SearchService(db, { quietMs: 0 });
    for (const [result, query] of [[older, 'granite'], [newer, 'meadow']] as const) {
      const expected = await check.searchLibrary(query, 500);
      expect(result.ok && expected.ok && result.value.articles.map((h) => h.id).sort()).toEqual(expected.ok && expected.value.articles.map((h) => h.id).sort());
    }
    service.dispose();
    check.dispose();
  });
});
