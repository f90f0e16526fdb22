import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseFolioJson } from '../../lib/library/import/folio-json';
import { epochToMs } from '../../lib/library/import/import-types';
import { parseInstapaperCsv } from '../../lib/library/import/instapaper-csv';
import { parseNetscapeHtml } from '../../lib/library/import/netscape-html';
import { parsePocketCsv } from '../../lib/library/import/pocket-csv';
import { detectImportFormat, parseImportFile } from '../../lib/library/import/parse-import-file';
import { sanitizeArticleHtml } from '../../lib/sanitize';
import { importItems, listPendingContent } from '../../lib/storage/library-repo-import';
import { saveArticle } from '../../lib/storage/library-repo';
import { freshDb, makeArticle } from './library-test-helpers';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url), 'utf8');
const sanitize = (html: string) => sanitizeArticleHtml(html, new JSDOM('').window as unknown as Window);

function parsed<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

describe('Pocket CSV', () => {
  it('reads titles, normalised URLs, dates, |-separated tags and status, with real line numbers', () => {
    const { items, skipped } = parsed(parsePocketCsv(fixture('pocket.csv')));
    expect(items.map((item) => [item.line, item.url])).toEqual([
      [2, 'https://example.com/bread'],
      [3, 'https://blog.example.org/rust'],
      [4, 'https://example.net/two-lines'],
      [6, 'https://example.com/untitled'],
      [8, 'https://example.com/bread'],
    ]);
    expect(items[0]).toMatchObject({ title: 'How to bake bread', savedAt: 1_700_000_000_000, tags: ['cooking', 'weekend'], archived: false });
    expect(items[1]).toMatchObject({ title: 'Rust, ownership and you', archived: true, tags: ['programming'] });
    expect(items[2]?.title).toBe('A title\non two lines');
    expect(items[3]?.title).toBeNull();
    expect(skipped).toEqual([{ line: 7, reason: expect.stringContaining('javascript:') }]);
  });

  it('skips malformed rows and names their lines, keeping the rest', () => {
    const { items, skipped } = parsed(parsePocketCsv(fixture('pocket-malformed.csv')));
    expect(items.map((item) => item.url)).toEqual(['https://example.com/good', 'https://example.com/good-2']);
    expect(skipped).toEqual([
      { line: 3, reason: 'expected 5 fields, found 2' },
      { line: 5, reason: 'unknown status "pending" (expected unread or archive)' },
    ]);
  });

  it('fails the whole file on an unclosed quote, naming the line', () => {
    const result = parsePocketCsv(fixture('pocket-unclosed-quote.csv'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.line).toBe(3);
      expect(result.message).toMatch(/^Line 3: /);
    }
  });

  it('refuses a file that is not a Pocket export, naming the header line', () => {
    const result = parsePocketCsv('name,address\nx,https://example.com\n');
    expect(result).toMatchObject({ ok: false, line: 1, message: expect.stringContaining('not a Pocket export') });
    expect(parsePocketCsv('')).toMatchObject({ ok: false, message: 'The file is empty.' });
  });
});

describe('Instapaper CSV', () => {
  it('maps Archive to archived, Starred to favourite, other folders to tags', () => {
    const { items, skipped } = parsed(parseInstapaperCsv(fixture('instapaper.csv')));
    expect(items.map((item) => [item.url, item.archived, item.favourite, item.tags])).toEqual([
      ['https://example.com/a', false, false, []],
      ['https://example.com/b', true, false, []],
      ['https://example.com/c', false, true, []],
      ['https://example.com/d', false, false, ['design ideas']],
    ]);
    expect(items[1]).toMatchObject({ excerpt: 'A quoted passage', savedAt: 1_600_000_100_000 });
    expect(skipped).toEqual([{ line: 6, reason: expect.stringContaining('Not a valid address') }]);
  });
});

describe('Netscape bookmarks', () => {
  it('turns folders into tags (not the browser root folders), keeps TAGS and dates, archives the Archive folder', () => {
    const { items, skipped } = parsed(parseNetscapeHtml(fixture('bookmarks.html')));
    expect(items.map((item) => [item.line, item.url, item.title, item.tags, item.archived])).toEqual([
      [9, 'https://example.com/top', 'Top & level', [], false],
      [12, 'https://example.com/essay', 'An essay', ['longform', 'essays', 'reading'], false],
      [15, 'https://example.org/physics', 'Physics', ['reading', 'science'], false],
      [22, 'https://example.com/old', 'Old news', [], true],
    ]);
    expect(items[0]?.savedAt).toBe(1_600_000_001_000);
    expect(skipped).toEqual([{ line: 18, reason: expect.stringContaining('javascript:') }]);
  });

  it("reads Pocket's HTML export (h1 sections, lower-case attributes)", () => {
    const html = '<h1>Unread</h1><ul>\n<li><a href="https://e.com/1" time_added="1700000000" tags="a,b">One</a></li></ul>\n<h1>Read Archive</h1><ul>\n<li><a href="https://e.com/2" time_added="1700000001" tags="">Two</a></li></ul>';
    const { items } = parsed(parseNetscapeHtml(html));
    expect(items.map((item) => [item.url, item.tags, item.archived, item.line])).toEqual([
      ['https://e.com/1', ['a', 'b'], false, 2],
      ['https://e.com/2', [], true, 4],
    ]);
  });

  it('reads character references in titles and attributes, and keeps one beyond Unicode as written', () => {
    const html = '<DT><A HREF="https://e.com/a?x=1&amp;y=2" TAGS="r&amp;d">Q&amp;A &#163;5 &#x2014; &#99999999; &#1114112;</A>';
    const { items } = parsed(parseNetscapeHtml(html));
    expect(items.map((item) => [item.url, item.title, item.tags])).toEqual([['https://e.com/a?x=1&y=2', 'Q&A £5 — &#99999999; &#1114112;', ['r&d']]]);
  });

  it('refuses a file with no links', () => {
    expect(parseNetscapeHtml('<html><body>hello</body></html>')).toMatchObject({ ok: false });
  });
});

describe('Folio JSON', () => {
  it('re-sanitizes bodies and skips invalid articles with their line', () => {
    const { items, skipped } = parsed(parseFolioJson(fixture('folio-hostile.json'), sanitize));
    expect(items).toHaveLength(1);
    const content = items[0]!.full!.content!;
    expect(content).toContain('Hello');
    expect(content).not.toMatch(/script|onclick|onerror/);
    expect(items[0]!.full!.record.tags).toEqual(['imported']);
    expect(skipped).toEqual([{ line: 19, reason: expect.stringMatching(/^article 2: /) }]);
  });

  it('names the line of a JSON syntax error and refuses other JSON', () => {
    const broken = '{\n  "format": "folio-library",\n  "version": 1,\n  "articles": [\n    { "record": }\n  ]\n}';
    const result = parseFolioJson(broken, sanitize);
    expect(result).toMatchObject({ ok: false, line: 5 });
    expect(parseFolioJson('[1, 2,\n 3,,\n4]', sanitize)).toMatchObject({ ok: false, line: 2 });
    expect(parseFolioJson('{"a": "unterminated\n}', sanitize)).toMatchObject({ ok: false, line: 1 });
    expect(parseFolioJson('{"hello": 1}', sanitize)).toMatchObject({ ok: false, message: 'This JSON file is not a Folio library export.' });
    expect(parseFolioJson('{"format": "folio-library", "version": 99, "exportedAt": "", "articles": []}', sanitize)).toMatchObject({
      ok: false,
      message: expect.stringContaining('newer or unknown version'),
    });
  });
});

describe('importing into the library', () => {
  it('adds new articles as pending, keeps dates, tags and archive state, merges duplicates into saved ones', async () => {
    const db = freshDb();
    await saveArticle(db, { article: makeArticle({ url: 'https://example.com/bread', title: 'Saved bread' }), pageUrl: 'https://example.com/bread', tags: ['mine'], now: 1_800_000_000_000 });
    const { items } = parsed(parsePocketCsv(fixture('pocket.csv')));
    const outcome = await importItems(db, items, 'pocket', 1_900_000_000_000);
    expect(outcome).toEqual({ ok: true, value: { added: 3, updated: 1, pending: ['https://blog.example.org/rust', 'https://example.net/two-lines', 'https://example.com/untitled'] } });
    const bread = await db.articles.get('https://example.com/bread');
    expect(bread).toMatchObject({ title: 'Saved bread', savedAt: 1_700_000_000_000, tags: ['mine', 'cooking', 'weekend', 'baking'], contentState: 'stored' });
    expect(await db.articles.get('https://blog.example.org/rust')).toMatchObject({
      archived: 1, savedAt: 1_700_000_100_000, contentState: 'pending', source: 'pocket', title: 'Rust, ownership and you', siteName: 'blog.example.org',
    });
    expect((await db.articles.get('https://example.com/untitled'))?.title).toBe('example.com');
    const pending = await listPendingContent(db);
    // Oldest saved first.
    expect(pending).toEqual({ ok: true, value: ['https://blog.example.org/rust', 'https://example.net/two-lines', 'https://example.com/untitled'] });
    // Importing the same file again changes nothing.
    expect(await importItems(db, items, 'pocket', 2_000_000_000_000)).toEqual({ ok: true, value: { added: 0, updated: 0, pending: [] } });
  });
});

describe('epochToMs', () => {
  it('reads seconds, milliseconds and microseconds, and rejects non-dates', () => {
    expect(epochToMs('1700000000')).toBe(1_700_000_000_000);
    expect(epochToMs('1700000000123')).toBe(1_700_000_000_123);
    expect(epochToMs('1700000000123456')).toBe(1_700_000_000_123);
    expect(epochToMs('')).toBeNull();
    expect(epochToMs('yesterday')).toBeNull();
    expect(epochToMs('0')).toBeNull();
  });
});

describe('choosing the importer', () => {
  it('recognises each format by its name or first line', () => {
    expect(detectImportFormat('part_000000.csv', fixture('pocket.csv'))).toBe('pocket-csv');
    expect(detectImportFormat('instapaper-export.csv', fixture('instapaper.csv'))).toBe('instapaper-csv');
    expect(detectImportFormat('bookmarks.html', fixture('bookmarks.html'))).toBe('netscape-html');
    expect(detectImportFormat('folio.json', fixture('folio-hostile.json'))).toBe('folio-json');
    expect(detectImportFormat('data.csv', 'a,b,c\n1,2,3')).toBeNull();
  });

  it('explains a file it does not recognise, naming the line', () => {
    expect(parseImportFile('data.csv', 'a,b,c\n1,2,3', sanitize)).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/^Line 1: /) });
    expect(parsed(parseImportFile('part.csv', fixture('pocket-malformed.csv'), sanitize)).skipped).toHaveLength(2);
  });
});

describe('importing a deleted article', () => {
  it('brings it back and forgets the deletion', async () => {
    const db = freshDb();
    await saveArticle(db, { article: makeArticle({ url: 'https://example.com/good' }), pageUrl: 'https://example.com/good', now: 1 });
    const { deleteArticles, purgeTrash } = await import('../../lib/storage/library-repo-trash');
    await deleteArticles(db, ['https://example.com/good'], 2);
    await purgeTrash(db, 3, 0);
    expect(await db.tombstones.count()).toBe(1);
    const { items } = parsed(parsePocketCsv(fixture('pocket-malformed.csv')));
    expect(await importItems(db, items, 'pocket', 10)).toMatchObject({ ok: true, value: { added: 2 } });
    expect(await db.tombstones.count()).toBe(0);
    expect(await db.articles.get('https://example.com/good')).toMatchObject({ contentState: 'pending', source: 'pocket' });
  });
});
