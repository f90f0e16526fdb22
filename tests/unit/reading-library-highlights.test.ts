import { describe, expect, it } from 'vitest';
import type { Highlight } from '@/lib/reading/highlights';
import { createLibraryHighlightAdapter } from '@/lib/reading/library-highlights';
import { deleteHighlight, listHighlights, putHighlight } from '@/lib/storage/library-repo-highlights';
import { saveArticle } from '@/lib/storage/library-repo';
import { exportFolioJson } from '@/lib/library/export/folio-json';
import { articleMarkdown } from '@/lib/library/export/markdown-zip';
import { readArticlesForExport } from '@/lib/storage/library-repo-export';
import { freshDb, makeArticle } from './library-test-helpers';

const highlight = (id: string, createdAt: number, color: Highlight['color'] = 'green'): Highlight => ({
  id,
  selector: { exact: 'brown fox', prefix: 'The quick ', suffix: ' jumps' },
  position: { start: 10, end: 19 },
  color,
  note: `note ${id}`,
  createdAt,
  updatedAt: createdAt,
});

describe('highlights stored with a saved article', () => {
  it('puts, lists (by creation), updates and deletes through the adapter', async () => {
    const db = freshDb();
    const store = { list: (articleId: string) => listHighlights(db, articleId), put: (record: Parameters<typeof putHighlight>[1]) => putHighlight(db, record), remove: (id: string) => deleteHighlight(db, id) };
    const adapter = createLibraryHighlightAdapter('https://example.com/post', store);
    const other = createLibraryHighlightAdapter('https://example.com/other', store);
    expect(adapter.persistent).toBe(true);
    expect(await adapter.put(highlight('b', 2))).toEqual({ ok: true });
    expect(await adapter.put(highlight('a', 1, 'pink'))).toEqual({ ok: true });
    await other.put(highlight('c', 3));
    expect(await adapter.list()).toEqual([highlight('a', 1, 'pink'), highlight('b', 2)]);
    await adapter.put({ ...highlight('a', 1, 'pink'), note: 'changed', updatedAt: 5 });
    await adapter.remove('b');
    expect((await adapter.list()).map((h) => [h.id, h.note])).toEqual([['a', 'changed']]);
    expect((await other.list()).map((h) => h.id)).toEqual(['c']);
  });

  it('reports a store failure as a result, and an unknown colour reads as yellow', async () => {
    const failing = createLibraryHighlightAdapter('x', {
      list: () => Promise.resolve({ ok: true, value: [{ ...highlight('z', 1), color: 'mauve', articleId: 'x', schemaVersion: 2 }] }),
      put: () => Promise.resolve({ ok: false, error: { message: 'disk full' } }),
      remove: () => Promise.resolve({ ok: false, error: { message: 'gone' } }),
    });
    expect(await failing.put(highlight('z', 1))).toEqual({ ok: false, detail: 'disk full' });
    expect((await failing.list())[0]!.color).toBe('yellow');
  });

  it('are exported with the article: Folio JSON (whole) and Markdown (quotes with notes)', async () => {
    const db = freshDb();
    const saved = await saveArticle(db, { article: makeArticle(), pageUrl: 'https://example.com/post' });
    expect(saved.ok).toBe(true);
    const id = saved.ok ? saved.value.record.id : '';
    await createLibraryHighlightAdapter(id, { list: (a) => listHighlights(db, a), put: (r) => putHighlight(db, r), remove: (h) => deleteHighlight(db, h) }).put(highlight('h1', 1));
    const json = await exportFolioJson(readArticlesForExport(db), { total: 1 });
    expect(json.ok).toBe(true);
    const exported = JSON.parse(json.ok ? json.value.join('') : '{}') as { articles: Array<{ highlights: unknown[] }> };
    expect(exported.articles[0]!.highlights).toEqual([{ ...highlight('h1', 1), articleId: id }]);
    const batches: Array<Parameters<typeof articleMarkdown>[0]> = [];
    for await (const batch of readArticlesForExport(db)) batches.push(...batch);
    expect(articleMarkdown(batches[0]!)).toContain('## Highlights\n\n> brown fox\n\nnote h1');
  });
});
