import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { exportFolioJson } from '../../lib/library/export/folio-json';
import { exportMarkdownZip, slugify } from '../../lib/library/export/markdown-zip';
import { exportSingleHtml } from '../../lib/library/export/single-html';
import { parseFolioJson } from '../../lib/library/import/folio-json';
import type { SafeHtml } from '../../lib/sanitize';
import { sanitizeArticleHtml } from '../../lib/sanitize';
import type { LibraryDb } from '../../lib/storage/db';
import { saveArticle, setArchived, setFavourite, setProgress } from '../../lib/storage/library-repo';
import { readArticlesForExport } from '../../lib/storage/library-repo-export';
import { importItems } from '../../lib/storage/library-repo-import';
import { setListenPosition } from '../../lib/storage/library-repo-listen';
import { freshDb, makeArticle } from './library-test-helpers';

const sanitize = (html: string) => sanitizeArticleHtml(html, new JSDOM('').window as unknown as Window);
const NOW = new Date('2026-01-01T00:00:00Z');

async function seeded(): Promise<LibraryDb> {
  const db = freshDb();
  await saveArticle(db, {
    article: makeArticle({
      url: 'https://example.com/one',
      title: 'One: "quotes" & <angles>',
      content: '<h2>Part</h2><p>Hello <strong>world</strong> <a href="https://x.example/" target="_blank" rel="noopener noreferrer">link</a></p><img src="https://img.example/a.png" alt="A">' as SafeHtml,
      textContent: 'Part\nHello world link',
    }),
    pageUrl: 'https://example.com/one',
    tags: ['alpha', 'beta'],
    now: 1_000,
  });
  await saveArticle(db, { article: makeArticle({ url: 'https://example.com/two', title: 'Two', lang: 'ar', dir: 'rtl' }), pageUrl: 'https://example.com/two', now: 2_000 });
  await saveArticle(db, { article: makeArticle({ url: 'https://example.com/three', title: 'One: "quotes" & <angles>' }), pageUrl: 'https://example.com/three', now: 3_000 });
  await setArchived(db, ['https://example.com/two'], true, 4_000);
  await setFavourite(db, ['https://example.com/one'], true, 5_000);
  await setProgress(db, 'https://example.com/one', { percent: 55, scrollY: 1200 }, 6_000);
  await setListenPosition(db, 'https://example.com/one', 7);
  await db.highlights.put({
    schemaVersion: 2, id: 'h1', articleId: 'https://example.com/one', selector: { exact: 'world', prefix: 'Hello ', suffix: ' link' },
    position: { start: 11, end: 16 }, color: 'yellow', note: 'nice', createdAt: 7_000, updatedAt: 7_000,
  });
  return db;
}

const joined = (result: { ok: boolean; value?: string[] }) => {
  if (!result.ok || !result.value) throw new Error(JSON.stringify(result));
  return result.value.join('');
};

describe('Folio JSON export', () => {
  it('round-trips losslessly through import into an empty library', async () => {
    const db = await seeded();
    const progress: number[] = [];
    const first = joined(await exportFolioJson(readArticlesForExport(db, 2), { total: 3, now: NOW, onProgress: (done) => progress.push(done) }));
    expect(progress).toEqual([2, 3]);
    const parsed = parseFolioJson(first, sanitize);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.skipped).toEqual([]);
    const target = freshDb();
    const imported = await importItems(target, parsed.items, 'folio');
    expect(imported).toEqual({ ok: true, value: { added: 3, updated: 0, pending: [] } });
    const second = joined(await exportFolioJson(readArticlesForExport(target), { total: 3, now: NOW }));
    // Re-sanitizing on import may reorder attributes; the markup must be the same DOM.
    type Exported = { articles: { content: string | null }[] };
    const [before, after] = [JSON.parse(first) as Exported, JSON.parse(second) as Exported];
    const window = new JSDOM('').window;
    const fragment = (html: string | null) => new window.DOMParser().parseFromString(html ?? '', 'text/html').body;
    before.articles.forEach((article, i) => expect(fragment(article.content).isEqualNode(fragment(after.articles[i]!.content))).toBe(true));
    const withoutContent = (doc: Exported) => ({ ...doc, articles: doc.articles.map((article) => ({ ...article, content: null })) });
    expect(withoutContent(after)).toEqual(withoutContent(before));
    // And from there on the file is byte-for-byte stable.
    const again = parseFolioJson(second, sanitize);
    if (!again.ok) throw new Error(again.message);
    const third = freshDb();
    await importItems(third, again.items, 'folio');
    expect(joined(await exportFolioJson(readArticlesForExport(third), { total: 3, now: NOW }))).toBe(second);
    expect(await target.highlights.get('h1')).toEqual(await db.highlights.get('h1'));
    // Where read-aloud stopped travels too (it is part of the record, though sync never carries it).
    expect(JSON.parse(first).articles.find((a: { record: { id: string } }) => a.record.id === 'https://example.com/one').record.progress).toEqual({ percent: 55, scrollY: 1200, listenParagraph: 7 });
    expect((await target.articles.get('https://example.com/one'))?.progress).toEqual((await db.articles.get('https://example.com/one'))?.progress);
  });

  it('stops when asked', async () => {
    const db = await seeded();
    const controller = new AbortController();
    controller.abort();
    expect(await exportFolioJson(readArticlesForExport(db), { total: 3, signal: controller.signal })).toMatchObject({ ok: false, reason: 'aborted' });
  });
});

describe('Markdown zip export', () => {
  it('writes one Markdown file per article with YAML front matter, unique names', async () => {
    const db = await seeded();
    const result = await exportMarkdownZip(readArticlesForExport(db), { total: 3, now: NOW });
    if (!result.ok) throw new Error(result.message);
    const files = unzipSync(result.value);
    expect(Object.keys(files).sort()).toEqual(['folio/one-quotes-angles-2.md', 'folio/one-quotes-angles.md', 'folio/two.md']);
    const one = strFromU8(files['folio/one-quotes-angles.md']!);
    expect(one).toContain('---\ntitle: "One: \\"quotes\\" & <angles>"\nurl: "https://example.com/one"\n');
    expect(one).toContain('tags:\n  - "alpha"\n  - "beta"\narchived: false\nfavourite: true\nread: false\nprogress: 55\n');
    expect(one).toContain('saved: "1970-01-01T00:00:01.000Z"');
    expect(one).toContain('## Part\n\nHello **world** [link](https://x.example/)');
    expect(one).toContain('![A](https://img.example/a.png)');
    expect(one).toContain('## Highlights\n\n> world\n\nnice');
    expect(strFromU8(files['folio/two.md']!)).toContain('archived: true');
  });

  it('makes file names from titles', () => {
    expect(slugify('Café: À la carte — 2024!')).toBe('cafe-a-la-carte-2024');
    expect(slugify('???')).toBe('untitled');
    expect(slugify('x'.repeat(200)).length).toBe(80);
  });
});

describe('single HTML export', () => {
  it('writes one page with contents, escaped metadata and the stored bodies', async () => {
    const db = await seeded();
    const html = joined(await exportSingleHtml(readArticlesForExport(db), { total: 3, now: NOW }));
    const dom = new JSDOM(html);
    const doc = dom.window.document;
    expect([...doc.querySelectorAll('nav li')].map((li) => li.textContent)).toEqual(['One: "quotes" & <angles>', 'Two', 'One: "quotes" & <angles>']);
    expect(doc.querySelectorAll('article')).toHaveLength(3);
    expect(doc.querySelector('#a0 h1')?.textContent).toBe('One: "quotes" & <angles>');
    expect(doc.querySelector('#a0 strong')?.textContent).toBe('world');
    expect(doc.querySelector('#a1')?.getAttribute('dir')).toBe('rtl');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(html).toContain('3 articles, exported 2026-01-01');
  });
});
