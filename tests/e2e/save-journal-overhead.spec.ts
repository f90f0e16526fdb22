import { expect, test } from './harness/fixtures';

/**
 * What the pending-save journal (lib/storage/save-journal.ts) adds to each save, in the real worker:
 * one storage.local write of the whole save before it and one removal after. Timed here for a typical
 * article (about 30 KB of body and text) and a long one (about 600 KB); printed, not asserted.
 */

test('journal overhead per save (storage.local write + remove), p50 and p95', async ({ folio }) => {
  const figures = await folio.worker.evaluate(async () => {
    const result: Record<string, { p50: number; p95: number }> = {};
    for (const [label, paragraphs] of [['30 KB', 60], ['600 KB', 1_200]] as const) {
      const text = Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i}: the council met on Tuesday to argue about the library budget, again, and nobody agreed on it.`).join('\n');
      const entry = { schemaVersion: 1, kind: 'article', pageUrl: 'https://example.com/a', startedAt: 1, attempts: 0, lastError: null, article: { title: 'A', content: `<p>${text}</p>`, textContent: text } };
      const times: number[] = [];
      for (let i = 0; i < 40; i += 1) {
        const key = `folio:pending-save:bench-${i}`;
        const started = performance.now();
        await chrome.storage.local.set({ [key]: entry });
        await chrome.storage.local.remove(key);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      result[label] = { p50: Math.round(times[20]! * 10) / 10, p95: Math.round(times[37]! * 10) / 10 };
    }
    return result;
  });
  expect(Object.keys(figures)).toHaveLength(2);
  console.log(`journal overhead per save: ${Object.entries(figures).map(([size, f]) => `${size}: p50 ${f.p50} ms, p95 ${f.p95} ms`).join('; ')}`);
});
