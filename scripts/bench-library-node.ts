/**
 * A first measure of the library at 10,000 articles in Node (fake-indexeddb, not a browser): search
 * index build/size/query times and IndexedDB query times. The real figures come from
 * `npm run bench:library` in Chromium; this one needs no browser. Prints a table, writes JSON to
 * bench-results/library-node.json.
 *   npx tsx --expose-gc scripts/bench-library-node.ts [articles]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { LibrarySearch } from '../lib/library/search/library-search';
import { LibraryDb } from '../lib/storage/db';
import { saveArticle } from '../lib/storage/library-repo';
import { listArticleIds, listArticles } from '../lib/storage/library-repo-query';
import { loadBenchCorpus } from './bench-library-corpus';

const count = Number(process.argv[2] ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heapMB = () => {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};
const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;

// The articles scripts/bench-library.ts uses: the dataset's real pages, extracted by Folio and varied.
const corpus = loadBenchCorpus(undefined, count);
const articles = Array.from({ length: count }, (_, n) => corpus.article(n));
const words = corpus.wordsByFrequency.filter((word) => /^\p{L}{3,}$/u.test(word));
const word = (rank: number) => words[Math.min(rank, words.length - 1)]!;

// Search index, pure.
const before = heapMB();
let start = performance.now();
const index = LibrarySearch.empty();
for (const article of articles) {
  index.upsert({ id: article.url!, title: article.title, siteName: article.siteName, byline: null, tags: [], text: article.textContent });
}
index.compact();
const indexBuildMs = performance.now() - start;
const indexHeapMB = heapMB() - before;
const queries = [
  ...[3, 40, 400, 4000, 12000].map((rank) => word(rank) + ' '),
  ...[10, 200, 2000].map((rank) => word(rank).slice(0, 3)),
  `${word(12)} ${word(700)} `,
  `${word(90)} ${word(9)}`,
];
const searchTimes: number[] = [];
for (let round = 0; round < 5; round += 1) {
  for (const query of queries) {
    start = performance.now();
    index.search(query, 50);
    searchTimes.push(performance.now() - start);
  }
}
start = performance.now();
const snapshot = structuredClone(index.toSnapshot());
const snapshotMs = performance.now() - start;
start = performance.now();
LibrarySearch.fromSnapshot(snapshot);
const loadSnapshotMs = performance.now() - start;
const snapshotMB = (snapshot.body.postings.byteLength + snapshot.body.offsets.byteLength + snapshot.titles.reduce((sum, chunk) => sum + chunk.length, 0) + snapshot.body.terms.length) / 1e6;

// IndexedDB (fake).
const db = new LibraryDb(`bench-${Date.now()}`, { indexedDB, IDBKeyRange });
const saveTimes: number[] = [];
for (const [n, article] of articles.entries()) {
  start = performance.now();
  await saveArticle(db, { article, pageUrl: article.url!, now: 1_700_000_000_000 + n * 60_000 });
  saveTimes.push(performance.now() - start);
}
const pageTimes: Record<string, number> = {};
for (const query of [{}, { status: 'unread' as const }, { status: 'all' as const, sort: 'title' as const }]) {
  start = performance.now();
  await listArticles(db, { ...query, limit: 50 });
  pageTimes[JSON.stringify(query)] = round(performance.now() - start);
}

start = performance.now();
await listArticleIds(db, { status: 'all' });
pageTimes['ids of all (for the virtual list)'] = round(performance.now() - start);

const result = {
  environment: 'node + fake-indexeddb (not a browser)',
  articles: count,
  indexBuildMs: round(indexBuildMs),
  indexHeapMB: round(indexHeapMB),
  searchP95Ms: round(p95(searchTimes)),
  searchMaxMs: round(Math.max(...searchTimes)),
  snapshotApproxMB: round(snapshotMB),
  snapshotCloneMs: round(snapshotMs),
  loadSnapshotMs: round(loadSnapshotMs),
  saveP95Ms: round(p95(saveTimes)),
  firstPageMs: pageTimes,
};
console.table(Object.entries(result).map(([measure, value]) => ({ measure, value: typeof value === 'object' ? JSON.stringify(value) : value })));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/library-node.json', JSON.stringify(result, null, 2));
