/** The quality benchmark's console report: the table, the notes under it, and the --worst pages. */
import { diagnosePage } from './bench-diagnose.ts';
import type { BenchPage } from './bench-dataset.ts';
import type { ExtractorName } from './bench-extractor-output.ts';
import type { ExtractorSummary, PageRecord, PageRun, QualityTally } from './bench-quality-results.ts';
import { aggregateScores } from './metric.ts';

export const fmt = (value: number, digits = 3) => value.toFixed(digits);

const ratio = (value: number | null) => (value === null ? '–' : `${fmt(value, 2)}×`);

export function printTable(summaries: Partial<Record<ExtractorName, ExtractorSummary>>): void {
  const header = ['extractor', 'F1', 'precision', 'recall', 'accuracy', 'median ms', 'p95 ms', '× Readability (median / p95)', 'parse ms', 'failed'];
  const rows = Object.entries(summaries).map(([name, s]) => [
    name,
    fmt(s.f1),
    fmt(s.precision),
    fmt(s.recall),
    fmt(s.accuracy),
    fmt(s.medianMs, 1),
    fmt(s.p95Ms, 1),
    `${ratio(s.timeRatioToReadability)} / ${ratio(s.p95RatioToReadability)}`,
    fmt(s.medianParseMs, 1),
    `${s.failures}${s.errors ? ` (${s.errors} threw)` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** Folio's fairness checks, the extractors' errors and the pages each one returned nothing on. */
export function printNotes(tally: QualityTally, summaries: Partial<Record<ExtractorName, ExtractorSummary>>): void {
  if (tally.contentScores.length && summaries.folio) {
    console.log(`\nfolio's content through the shared html→text helper: F1 ${fmt(aggregateScores(tally.contentScores).f1)} (table uses its textContent)`);
    if (summaries.folio.failures > 0) {
      console.log(`folio with its best effort on the pages it refused: F1 ${fmt(aggregateScores(tally.bestEffortScores).f1)}`);
    }
  }
  for (const error of tally.errors) console.log(`  ! ${error}`);
  for (const [name, summary] of Object.entries(summaries)) {
    if (summary.failures === 0) continue;
    const failed = tally.records.filter((record) => record.results[name as ExtractorName]?.status !== 'ok');
    console.log(`  ${name} returned nothing on ${failed.length} page(s): ${failed.map((record) => `${record.id.slice(0, 8)} (${record.results[name as ExtractorName]?.status})`).join(', ')}`);
  }
}

export function printWorst(target: ExtractorName, pages: readonly BenchPage[], tally: QualityTally, n: number): void {
  const ranked = tally.records
    .map((record, index) => ({ record, page: pages[index], run: record.results[target] }))
    .filter((entry): entry is { record: PageRecord; page: BenchPage; run: PageRun } => !!entry.run && !!entry.page)
    .sort((a, b) => a.run.f1 - b.run.f1)
    .slice(0, n);
  console.log(`\nWorst ${ranked.length} pages for ${target} (lowest F1 first):`);
  ranked.forEach(({ page, run }, i) => {
    const p = run.precision === null ? '–' : fmt(run.precision);
    const r = run.recall === null ? '–' : fmt(run.recall);
    console.log(`\n#${i + 1} F1 ${fmt(run.f1)} (P ${p} R ${r}${run.status === 'ok' ? '' : `, ${run.status}`})  ${page.id.slice(0, 12)}  ${page.url}`);
    if (run.bestEffortF1 !== undefined) console.log(`   refused; its best effort scores F1 ${fmt(run.bestEffortF1)} — diagnosis of the best effort:`);
    const diagnosis = diagnosePage(page.articleBody, tally.worstTexts.get(page.id) ?? '');
    const show = (label: string, sample: { count: number; tokenShare: number; samples: string[] }) => {
      if (sample.count === 0) return;
      console.log(`   ${label} ${sample.count} block(s), ${Math.round(sample.tokenShare * 100)}% of its words:`);
      for (const text of sample.samples) console.log(`     · ${text}`);
    };
    show('missed', diagnosis.missed);
    show('added ', diagnosis.added);
  });
}
