import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LibraryDb } from '../../lib/storage/db';
import type { ArticleRecordV1 } from '../../lib/storage/migrations/v2-sync-fields';
import { LIBRARY_DB_VERSION } from '../../lib/storage/schema';
import { uniqueDbName } from './library-test-helpers';

/**
 * An extension update that meets a big library written by the first schema version (issue 6, faults):
 * 10,000 articles in v1's shape, their bodies, and a trash, built from real pages (Readability's test
 * pages: their extracted bodies and metadata, beside this repository in shared/datasets). After the
 * upgrade nothing is lost: counts, every field of every record, every body, tags (and their index),
 * trash entries. v1 had no highlights store; the upgrade creates it empty. The time is printed (no
 * assertion: timings live in reports, and this machine is shared).
 */

const PAGES = resolve(process.cwd(), '../shared/datasets/readability-test-pages');
const ARTICLES = 10_000;
const TRASHED = 200;
const options = { indexedDB, IDBKeyRange };

interface Page {
  slug: string;
  html: string;
  text: string;
  meta: { title?: string; byline?: string | null; excerpt?: string | null; siteName?: string | null; lang?: string | null; dir?: string | null; publishedTime?: string | null };
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function loadPages(): Page[] {
  if (!existsSync(PAGES)) {
    // Without the shared datasets: a generator of article-like bodies, so the test still runs.
    return Array.from({ length: 50 }, (_, i) => {
      const html = Array.from({ length: 12 }, (_, p) => `<p>Paragraph ${p} of generated story ${i}: the council met on Tuesday to discuss the budget.</p>`).join('');
      return { slug: `generated-${i}`, html, text: textOf(html), meta: { title: `Generated story ${i}`, byline: 'A. Writer', lang: 'en', dir: 'ltr' } };
    });
  }
  return readdirSync(PAGES)
    .filter((slug) => existsSync(resolve(PAGES, slug, 'expected.html')) && existsSync(resolve(PAGES, slug, 'expected-metadata.json')))
    .map((slug) => {
      const html = readFileSync(resolve(PAGES, slug, 'expected.html'), 'utf8');
      return { slug, html, text: textOf(html), meta: JSON.parse(readFileSync(resolve(PAGES, slug, 'expected-metadata.json'), 'utf8')) as Page['meta'] };
    });
}

/** The first pass over the pages keeps whole bodies; later copies keep their first ~2 KB (memory). */
function bodyFor(page: Page, i: number, pageCount: number): { content: string; textContent: string } {
  if (i < pageCount) return { content: page.html, textContent: page.text };
  const cut = page.html.slice(0, 2_000);
  const content = cut.slice(0, Math.max(cut.lastIndexOf('>') + 1, 0)) + `<p>Copy ${i}.</p>`;
  return { content, textContent: textOf(content) };
}

const TAGS = ['tech', 'politics', 'long read', 'science', 'to-share', 'recipes', 'work', 'été', '日本'];

function v1Article(page: Page, i: number): ArticleRecordV1 {
  const savedAt = Date.UTC(2019, 0, 1) + i * 3_600_000;
  const read = i % 3 === 0 ? 1 : 0;
  const title = page.meta.title || page.slug;
  const text = page.text;
  const words = text.split(/\s+/).length;
  return {
    schemaVersion: 1,
    id: `https://${page.slug}.example/articles/${i}`,
    url: `https://${page.slug}.example/articles/${i}?ref=feed`,
    title: `${title} (${i})`,
    titleKey: `${title} (${i})`.toLowerCase(),
    byline: page.meta.byline ?? null,
    siteName: page.meta.siteName ?? null,
    siteIcon: i % 5 === 0 ? `https://${page.slug}.example/favicon.ico` : null,
    publishedTime: page.meta.publishedTime ?? null,
    lang: page.meta.lang ?? null,
    dir: page.meta.dir === 'rtl' ? 'rtl' : page.meta.dir === 'ltr' ? 'ltr' : null,
    excerpt: page.meta.excerpt ?? null,
    leadImage: i % 4 === 0 ? `https://${page.slug}.example/lead-${i}.jpg` : null,
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / 230)),
    savedAt,
    tags: TAGS.filter((_, t) => (i >> t) % 3 === 0).slice(0, 4),
    archived: i % 4 === 0 ? 1 : 0,
    favourite: i % 7 === 0 ? 1 : 0,
    read,
    readAt: read ? savedAt + 86_400_000 : null,
    progress: read ? { percent: 100, scrollY: 4_000 + (i % 900) } : { percent: i % 100, scrollY: (i % 100) * 37 },
    contentState: i % 50 === 0 ? 'pending' : 'stored',
    contentError: null,
    source: (['save', 'pocket', 'instapaper', 'netscape', 'folio'] as const)[i % 5]!,
  };
}

describe('migration v1 → v2 of a 10,000-article library', () => {
  it('keeps every article, field, body, tag and trash entry', async () => {
    const pages = loadPages();
    expect(pages.length).toBeGreaterThan(20);
    const name = uniqueDbName();

    // The library as version 1 wrote it.
    const before = new LibraryDb(name, { ...options, upToVersion: 1 });
    await before.open();
    const articles: ArticleRecordV1[] = [];
    const bodies = new Map<string, { content: string; textContent: string }>();
    for (let i = 0; i < ARTICLES; i += 1) {
      const page = pages[i % pages.length]!;
      const record = v1Article(page, i);
      articles.push(record);
      if (record.contentState === 'stored') bodies.set(record.id, bodyFor(page, i, pages.length));
    }
    const trash = articles.slice(0, TRASHED).map((article, i) => ({
      schemaVersion: 1,
      id: article.id.replace('/articles/', '/deleted/'),
      deletedAt: article.savedAt + 1_000,
      article: { ...article, id: article.id.replace('/articles/', '/deleted/') },
      content: i % 2 === 0 ? { schemaVersion: 1, id: article.id.replace('/articles/', '/deleted/'), ...bodies.get(article.id)! } : null,
    }));
    for (let start = 0; start < ARTICLES; start += 1_000) {
      const slice = articles.slice(start, start + 1_000);
      await before.table('articles').bulkPut(slice);
      await before.table('contents').bulkPut(slice.filter((a) => bodies.has(a.id)).map((a) => ({ schemaVersion: 1, id: a.id, ...bodies.get(a.id)! })));
    }
    await before.table('trash').bulkPut(trash);
    await before.table('meta').put({ schemaVersion: 1, key: 'search-index', value: { version: 1, docs: 10_000 } });
    const v1TagCounts = new Map<string, number>();
    for (const a of articles) for (const tag of a.tags) v1TagCounts.set(tag, (v1TagCounts.get(tag) ?? 0) + 1);
    before.close();

    // The update: the new code opens the same database.
    const after = new LibraryDb(name, options);
    const started = performance.now();
    await after.open();
    const elapsedMs = performance.now() - started;
    expect(after.verno).toBe(LIBRARY_DB_VERSION);

    // Counts.
    expect(await after.articles.count()).toBe(ARTICLES);
    expect(await after.contents.count()).toBe(bodies.size);
    expect(await after.trash.count()).toBe(TRASHED);
    expect(await after.highlights.count()).toBe(0);
    expect(await after.tombstones.count()).toBe(0);

    // Every field of every article: v1's fields unchanged, the new ones from what v1 knew.
    const migrated = new Map((await after.articles.toArray()).map((record) => [record.id, record]));
    let checked = 0;
    for (const old of articles) {
      const known = Math.max(old.savedAt, old.readAt ?? 0);
      expect(migrated.get(old.id)).toEqual({
        ...old,
        schemaVersion: 2,
        updatedAt: known,
        fieldUpdatedAt: { title: known, tags: known, archived: known, favourite: known, progress: known },
      });
      checked += 1;
    }
    expect(checked).toBe(ARTICLES);

    // Every body, byte for byte.
    const contents = await after.contents.toArray();
    for (const content of contents) expect(content).toEqual({ schemaVersion: 2, id: content.id, ...bodies.get(content.id)! });

    // Tags, through the index the library filters by.
    for (const [tag, count] of v1TagCounts) expect(await after.articles.where('tags').equals(tag).count(), tag).toBe(count);
    // The views' indexes answer over migrated data.
    expect(await after.articles.where('[archived+savedAt]').between([1, -Infinity], [1, Infinity]).count()).toBe(articles.filter((a) => a.archived === 1).length);
    expect(await after.articles.where('updatedAt').aboveOrEqual(0).count()).toBe(ARTICLES);

    // Trash: whole articles, bodies where there were some, an empty highlights list (v1 had none).
    for (const old of trash) {
      const entry = await after.trash.get(old.id);
      const known = Math.max(old.article.savedAt, old.article.readAt ?? 0);
      expect(entry).toEqual({
        schemaVersion: 2,
        id: old.id,
        deletedAt: old.deletedAt,
        article: { ...old.article, schemaVersion: 2, updatedAt: known, fieldUpdatedAt: { title: known, tags: known, archived: known, favourite: known, progress: known } },
        content: old.content ? { ...old.content, schemaVersion: 2 } : null,
        highlights: [],
      });
    }
    expect(await after.meta.get('search-index')).toEqual({ schemaVersion: 2, key: 'search-index', value: { version: 1, docs: 10_000 } });

    const bodyBytes = [...bodies.values()].reduce((sum, b) => sum + b.content.length + b.textContent.length, 0);
    console.log(
      `migration v1→v2: ${ARTICLES} articles, ${bodies.size} bodies (${(bodyBytes / 1e6).toFixed(1)} MB of text), ${TRASHED} trashed, from ${pages.length} real pages: ${Math.round(elapsedMs)} ms (fake-indexeddb in Node)`,
    );
    after.close();
  }, 600_000);
});
