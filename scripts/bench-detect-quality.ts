/**
 * Detection quality: how often `detectArticle` says "article" on the benchmark's 181 real article pages
 * (recall) and on the hand-made non-article pages in tests/fixtures/non-articles (false positives).
 *
 *   npm run bench:detect-quality -- [--dataset ../shared/datasets/article-extraction-benchmark]
 *     [--fixtures tests/fixtures/non-articles] [--out results.json]
 *
 * Goal from the issue: recall ≥ 0.98 and a false-positive rate ≤ 5%.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { detectArticle } from '../lib/extract/detect.ts';
import { loadGroundTruth, readPageHtml } from './lib/bench-dataset.ts';
import { NON_ARTICLE_DIR, loadNonArticleFixtures } from './lib/bench-fixtures.ts';
import { median, quantile } from './lib/bench-stats.ts';
import { parseHtmlDocument } from './lib/node-dom.ts';

const RECALL_GOAL = 0.98;
const FALSE_POSITIVE_GOAL = 0.05;

interface DetectionRecord {
  /** Benchmark page id or fixture file name. */
  name: string;
  url: string;
  expected: 'article' | 'non-article';
  isArticle: boolean;
  score: number;
  signals: unknown;
  detectMs: number;
}

function detect(name: string, url: string, html: string, expected: DetectionRecord['expected']): DetectionRecord {
  const doc = parseHtmlDocument(html, url);
  const start = performance.now();
  const detection = detectArticle(doc);
  const detectMs = performance.now() - start;
  return { name, url, expected, isArticle: detection.isArticle, score: detection.score, signals: detection.signals, detectMs };
}

function describe(record: DetectionRecord): string {
  return `  ${record.name.padEnd(52)} score ${record.score.toFixed(1).padStart(6)}  ${JSON.stringify(record.signals)}\n    ${record.url}`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: '../shared/datasets/article-extraction-benchmark' },
      fixtures: { type: 'string', default: NON_ARTICLE_DIR },
      out: { type: 'string' },
    },
  });
  const dataset = values.dataset ?? '../shared/datasets/article-extraction-benchmark';

  const articles = loadGroundTruth(dataset).map((page) =>
    detect(page.id, page.url, readPageHtml(dataset, page.id), 'article'),
  );
  const nonArticles = loadNonArticleFixtures(values.fixtures).map((fixture) =>
    detect(fixture.file, fixture.url, fixture.html, 'non-article'),
  );

  const missed = articles.filter((record) => !record.isArticle);
  const falsePositives = nonArticles.filter((record) => record.isArticle);
  const recall = articles.length ? (articles.length - missed.length) / articles.length : 0;
  const falsePositiveRate = nonArticles.length ? falsePositives.length / nonArticles.length : 0;
  const times = [...articles, ...nonArticles].map((record) => record.detectMs);
  const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES GOAL');

  console.log(`articles:     ${articles.length - missed.length}/${articles.length} detected   recall ${recall.toFixed(3)} (goal ≥ ${RECALL_GOAL}: ${verdict(recall >= RECALL_GOAL)})`);
  console.log(`non-articles: ${falsePositives.length}/${nonArticles.length} flagged    false-positive rate ${(falsePositiveRate * 100).toFixed(1)}% (goal ≤ ${FALSE_POSITIVE_GOAL * 100}%: ${verdict(falsePositiveRate <= FALSE_POSITIVE_GOAL)})`);
  console.log(`detectArticle: median ${median(times).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms per page (linkedom)`);
  if (missed.length) console.log(`\nArticles not detected (${missed.length}):\n${missed.map(describe).join('\n')}`);
  if (falsePositives.length) console.log(`\nNon-articles detected as articles (${falsePositives.length}):\n${falsePositives.map(describe).join('\n')}`);

  if (values.out) {
    const report = {
      dataset,
      fixtures: values.fixtures,
      generatedAt: new Date().toISOString(),
      recall,
      falsePositiveRate,
      goals: { recall: RECALL_GOAL, falsePositiveRate: FALSE_POSITIVE_GOAL },
      medianDetectMs: median(times),
      missed: missed.map((record) => record.name),
      falsePositives: falsePositives.map((record) => record.name),
      pages: [...articles, ...nonArticles],
    };
    writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwrote ${values.out}`);
  }
}

main();
