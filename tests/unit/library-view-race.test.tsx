// @vitest-environment jsdom
import { act, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibrarySearchResult } from '@/lib/library/search/search-service';
import type { LibraryDb } from '@/lib/storage/db';
import { writeFirstScreen } from '@/lib/storage/first-screen';
import { saveArticle, setFavourite } from '@/lib/storage/library-repo';
import * as repoQuery from '@/lib/storage/library-repo-query';
import type { LibraryQuery } from '@/lib/storage/library-repo-query';
import type { StorageResult } from '@/lib/storage/storage-errors';
import { freshDb, makeArticle } from './library-test-helpers';

/**
 * The library page's list (entrypoints/library/use-library-view.ts) when reads answer late: the view the
 * user chose is the one shown, whatever answers after it, and never another view's rows in its place
 * (a flake in tests/e2e/library-roundtrip.spec.ts: a tag chosen right after a reload still showed the
 * opening view's two rows, under "2 articles tagged “oceans”").
 */

let db: LibraryDb;
vi.mock('@/lib/storage/db', async (original) => ({ ...(await original<object>()), libraryDb: () => db }));

/** Search answers, held until the test releases them (jsdom has no Worker; the index is not under test). */
let searchAnswer: (text: string) => Promise<StorageResult<LibrarySearchResult>>;
vi.mock('@/entrypoints/library/library-searcher', () => ({
  createLibrarySearcher: () => ({
    onProgress: () => () => undefined,
    ready: () => Promise.resolve({ ok: true, value: undefined }),
    searchLibrary: (text: string) => searchAnswer(text),
    persist: () => Promise.resolve({ ok: true, value: undefined }),
  }),
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const { useLibraryView } = await import('@/entrypoints/library/use-library-view');

const OPENING: LibraryQuery = { status: 'inbox', sort: 'newest' };
const OCEANS: LibraryQuery = { status: 'all', tag: 'oceans', sort: 'newest' };
const ARCHIVE: LibraryQuery = { status: 'archived', sort: 'newest' };
const url = (name: string) => `https://race.example/${name}`;

/** A promise the test resolves when it chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const { listArticles, getArticleRecords } = repoQuery;

/** Holds listArticles' answers for `query` (read at once, handed over when the gate opens). */
function holdList(query: LibraryQuery) {
  const held = gate();
  const spy = vi.spyOn(repoQuery, 'listArticles');
  const previous = spy.getMockImplementation() ?? listArticles;
  spy.mockImplementation(async (from, asked) => {
    if (!asked || asked.status !== query.status || asked.tag !== query.tag) return previous(from, asked);
    const answer = await listArticles(from, asked);
    await held.opened;
    return answer;
  });
  return held;
}

async function library(articles: { name: string; tags?: string[]; archived?: boolean }[]) {
  for (const [n, { name, tags = [] }] of articles.entries()) {
    await saveArticle(db, { article: makeArticle({ url: url(name), title: name }), pageUrl: url(name), tags, now: Date.UTC(2026, 0, 1) + n * 60_000 });
  }
  const archived = articles.filter((article) => article.archived).map(({ name }) => url(name));
  if (archived.length > 0) await db.articles.where('id').anyOf(archived).modify({ archived: 1 });
}

let view: ReturnType<typeof useLibraryView>;
function Probe({ query, text }: { query: LibraryQuery; text: string }) {
  const shown = useLibraryView(query, text);
  useEffect(() => void (view = shown));
  return null;
}

/** Lets pending reads and React's updates run. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));
const titles = () => view.ids?.map((id) => id.replace(url(''), '')) ?? null;

describe('the library list when reads answer late', () => {
  let root: ReturnType<typeof createRoot>;
  const show = (query: LibraryQuery, text = '') => act(() => root.render(<Probe query={query} text={text} />));

  beforeEach(async () => {
    db = freshDb();
    localStorage.clear();
    searchAnswer = () => new Promise(() => undefined);
    await library([{ name: 'granite' }, { name: 'tides', tags: ['oceans'] }, { name: 'looms', archived: true }]);
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => {
    act(() => root.unmount());
    vi.restoreAllMocks();
  });

  it('a view chosen before the opening rows are confirmed is the one shown, however late the confirmation', async () => {
    const page = await listArticles(db, OPENING);
    writeFirstScreen(JSON.stringify(OPENING), page.ok ? page.value.items : []);
    const confirmation = holdList(OPENING);
    const oceans = holdList(OCEANS);
    show(OPENING);
    // The remembered first screen, not confirmed yet.
    expect(titles()).toEqual(['tides', 'granite']);
    expect(view.provisional).toBe(true);

    show(OCEANS);
    await settle();
    // Not the opening view's rows under the chosen view's name: nothing until its own rows come.
    expect(titles()).toBeNull();
    confirmation.open();
    await settle();
    expect(titles()).toBeNull();
    oceans.open();
    await settle();
    expect(titles()).toEqual(['tides']);
    expect(view.provisional).toBe(false);
  });

  it('a confirmed view’s rows are not shown as the next view’s while that one is read', async () => {
    show(OPENING);
    await settle();
    expect(titles()).toEqual(['tides', 'granite']);
    const archive = holdList(ARCHIVE);
    show(ARCHIVE);
    await settle();
    expect(titles()).toBeNull();
    archive.open();
    await settle();
    expect(titles()).toEqual(['looms']);
  });

  it('an earlier filter’s late answer does not replace a later one’s rows', async () => {
    show(OPENING);
    await settle();
    const oceans = holdList(OCEANS);
    show(OCEANS);
    show(ARCHIVE);
    await settle();
    expect(titles()).toEqual(['looms']);
    oceans.open();
    await settle();
    expect(titles()).toEqual(['looms']);
  });

  it('a search’s late results do not replace the list it was cleared for, nor does the list stand in for them', async () => {
    show(OPENING);
    await settle();
    const search = gate();
    searchAnswer = async () => {
      await search.opened;
      return { ok: true, value: { articles: [{ id: url('looms') }], highlights: [] } as unknown as LibrarySearchResult };
    };
    show(OPENING, 'loom');
    await settle();
    // Not the list under "found in the whole library".
    expect(titles()).toBeNull();
    const list = holdList(OPENING);
    show(OPENING, '');
    // Cleared: the list's own rows (read before the search) while it is read again; the search's never.
    search.open();
    await settle();
    expect(titles()).toEqual(['tides', 'granite']);
    list.open();
    await settle();
    expect(titles()).toEqual(['tides', 'granite']);
  });

  it('records read for the rows before a change do not replace the rows read after it', async () => {
    // More than a first page (60 rows), so that the last row's record is read as it scrolls in.
    const more = Array.from({ length: 60 }, (_, n) => ({ name: `filler-${n}` }));
    db = freshDb();
    await library([{ name: 'oldest' }, ...more]);
    show(OPENING);
    await settle();
    expect(view.ids).toHaveLength(61);
    expect(view.records.has(url('oldest'))).toBe(false);

    const late = gate();
    vi.spyOn(repoQuery, 'getArticleRecords').mockImplementationOnce(async (from, ids) => {
      const answer = await getArticleRecords(from, ids);
      await late.opened;
      return answer;
    });
    act(() => view.ensureRange(60, 61));
    // Favourited meanwhile (from the row, or on another device): the list is read again.
    await setFavourite(db, [url('oldest')], true);
    act(() => view.reload());
    await settle();
    act(() => view.ensureRange(60, 61));
    await settle();
    expect(view.records.get(url('oldest'))?.favourite).toBe(1);
    late.open();
    await settle();
    expect(view.records.get(url('oldest'))?.favourite).toBe(1);
  });
});
