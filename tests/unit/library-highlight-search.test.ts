import { describe, expect, it } from 'vitest';
import { HighlightSearch, type SearchableHighlight } from '../../lib/library/search/highlight-search';
import { searchResultIds } from '../../lib/library/search/search-results';
import { SearchService } from '../../lib/library/search/search-service';
import { saveArticle } from '../../lib/storage/library-repo';
import { deleteHighlight, putHighlight } from '../../lib/storage/library-repo-highlights';
import { deleteArticles, restoreArticles } from '../../lib/storage/library-repo-trash';
import { freshDb, makeArticle } from './library-test-helpers';

const item = (id: string, articleId: string, text: string, note: string, createdAt: number): SearchableHighlight => ({ id, articleId, text, note, createdAt });

function sample(): HighlightSearch {
  const search = new HighlightSearch();
  search.reset([
    item('h1', 'a', 'The borrow checker keeps memory safe', 'Compare with Swift ownership', 1),
    item('h2', 'b', 'Sourdough needs patience', '', 2),
    item('h3', 'a', 'Lifetimes are inferred', 'Ask Zoë about élision rules; compare', 3),
  ]);
  return search;
}

describe('HighlightSearch', () => {
  it('matches words of the quote or of the note, and says where', () => {
    const search = sample();
    expect(search.search('patience ')).toEqual([{ highlightId: 'h2', articleId: 'b', text: 'Sourdough needs patience', note: '', matchedIn: 'highlight' }]);
    expect(search.search('swift ').map((m) => [m.highlightId, m.matchedIn])).toEqual([['h1', 'note']]);
    // One word in the quote, one in the note.
    expect(search.search('memory swift ').map((m) => [m.highlightId, m.matchedIn])).toEqual([['h1', 'both']]);
  });

  it('needs every word, takes the last as a prefix while typing, folds case and accents, newest first', () => {
    const search = sample();
    expect(search.search('borrow sourdough ')).toEqual([]);
    expect(search.search('own').map((m) => m.highlightId)).toEqual(['h1']);
    expect(search.search('own ')).toEqual([]);
    expect(search.search('ZOE elision').map((m) => m.highlightId)).toEqual(['h3']);
    expect(search.search('comp').map((m) => m.highlightId)).toEqual(['h3', 'h1']);
    expect(search.search('   ')).toEqual([]);
  });

  it('replaces and removes highlights', () => {
    const search = sample();
    search.upsert(item('h2', 'b', 'Sourdough needs patience', 'rye next time', 2));
    expect(search.search('rye ').map((m) => m.highlightId)).toEqual(['h2']);
    search.remove('h2');
    expect(search.search('sourdough ')).toEqual([]);
    expect(search.size).toBe(2);
  });
});

describe('searchResultIds', () => {
  it('puts articles with matching highlights first, each once, with their matches', () => {
    const highlights = sample().search('comp');
    const { ids, matches } = searchResultIds([{ id: 'c' }, { id: 'a' }, { id: 'd' }], highlights);
    expect(ids).toEqual(['a', 'c', 'd']);
    expect(matches.get('a')?.map((m) => m.highlightId)).toEqual(['h3', 'h1']);
    expect(matches.has('c')).toBe(false);
  });
});

describe('SearchService.searchLibrary', () => {
  it('finds highlights and notes of saved articles, following puts, deletes and undo', async () => {
    const db = freshDb();
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/1', title: 'Alpine lakes', textContent: 'Cold clear water under the peaks.' }), pageUrl: 'https://e.com/1' });
    await saveArticle(db, { article: makeArticle({ url: 'https://e.com/2', title: 'Deserts', textContent: 'Dry sand.' }), pageUrl: 'https://e.com/2' });
    const service = new SearchService(db, { quietMs: 0 });
    const search = async (query: string) => {
      const result = await service.searchLibrary(query);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    expect((await search('glacier ')).highlights).toEqual([]);

    await putHighlight(db, {
      id: 'h1',
      articleId: 'https://e.com/1',
      selector: { exact: 'clear water', prefix: 'Cold ', suffix: ' under' },
      position: { start: 5, end: 16 },
      color: 'yellow',
      note: 'Glacier melt, check the source',
      createdAt: 10,
      updatedAt: 10,
    });
    const found = await search('glacier ');
    expect(found.highlights).toEqual([{ highlightId: 'h1', articleId: 'https://e.com/1', text: 'clear water', note: 'Glacier melt, check the source', matchedIn: 'note' }]);
    // The note's words are not in the article's body, so only the highlight search finds it.
    expect(found.articles).toEqual([]);
    expect((await search('clear wat')).highlights.map((m) => m.matchedIn)).toEqual(['highlight']);

    await deleteArticles(db, ['https://e.com/1']);
    expect((await search('glacier ')).highlights).toEqual([]);
    await restoreArticles(db, ['https://e.com/1']);
    expect((await search('glacier ')).highlights.map((m) => m.articleId)).toEqual(['https://e.com/1']);

    await deleteHighlight(db, 'h1');
    expect((await search('glacier ')).highlights).toEqual([]);
    service.dispose();
  });
});
