import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BenchPage } from '../../scripts/lib/bench-dataset.ts';
import { extractorOutput, type ExtractorName } from '../../scripts/lib/bench-extractor-output.ts';
import { outputText } from '../../scripts/lib/bench-extractors.ts';
import { QualityTally, qualityReport } from '../../scripts/lib/bench-quality-results.ts';
import { rotated, runQualityBench, type BenchHost } from '../../scripts/lib/bench-quality-run.ts';
import { measureExtraction, type MeasuredExtraction } from '../../scripts/lib/bench-timed-extraction.ts';

const TRUTH = 'The council voted on Tuesday to close the old bridge for repairs that will take two years';
const PAGE: BenchPage = { id: 'page-one-0123456789', url: 'https://example.org/a', articleBody: TRUTH };
const OTHER: BenchPage = { id: 'page-two-0123456789', url: 'https://example.org/b', articleBody: TRUTH };

function measured(output: MeasuredExtraction['output'], extractMs: number, extra: Partial<MeasuredExtraction> = {}): MeasuredExtraction {
  return { output, parseMs: 1, extractMs, mutedMessages: 0, ...extra };
}

const folioArticle = (text: string) => ({ ok: true, article: { content: `<p>${text}</p>`, textContent: text } });

describe('extractorOutput: what the page sends back to Node', () => {
  it('keeps Folio’s text and content, or its refusal and best effort', () => {
    expect(extractorOutput('folio', folioArticle('Hello there'))).toEqual({ status: 'ok', html: '<p>Hello there</p>', text: 'Hello there' });
    expect(extractorOutput('folio', { ok: false, reason: 'not-article', detail: 'x', bestEffort: { textContent: 'menu' } })).toEqual({
      status: 'not-article',
      html: '',
      bestEffortText: 'menu',
    });
  });

  it('keeps the content HTML of Readability and Defuddle, empty when they return nothing', () => {
    expect(extractorOutput('readability', { content: '<p>a</p>', title: 'dropped' })).toEqual({ status: 'ok', html: '<p>a</p>' });
    expect(extractorOutput('readability', null)).toEqual({ status: 'ok', html: '' });
    expect(extractorOutput('defuddle', { content: '<div>b</div>' })).toEqual({ status: 'ok', html: '<div>b</div>' });
  });
});

describe('outputText: the text the scorer reads', () => {
  it('renders HTML a block a line, and calls no text "empty"', () => {
    expect(outputText({ status: 'ok', html: '<p>one</p><p>two</p>' })).toEqual({ text: 'one\ntwo', status: 'ok' });
    expect(outputText({ status: 'ok', html: '' })).toEqual({ text: '', status: 'empty' });
  });

  it('scores Folio’s own text and checks its content through the shared helper', () => {
    expect(outputText({ status: 'ok', html: '<p>one</p><p>two</p>', text: 'one\ntwo' })).toEqual({ text: 'one\ntwo', status: 'ok', contentText: 'one\ntwo' });
    expect(outputText({ status: 'too-large', html: '', bestEffortText: 'x' })).toEqual({ text: '', status: 'too-large', bestEffortText: 'x' });
  });
});

describe('measureExtraction', () => {
  afterEach(() => vi.restoreAllMocks());

  it('passes the parsed document to the extractor and mutes (and counts) what it logs', () => {
    const log = console.log;
    const result = measureExtraction(
      'readability',
      {
        parse: (html) => ({ html }),
        extract: (doc) => {
          console.log('noise');
          console.warn('more noise');
          return { content: doc.html };
        },
      },
      '<p>x</p>',
      PAGE.url,
    );
    expect(result.output).toEqual({ status: 'ok', html: '<p>x</p>' });
    expect(result.mutedMessages).toBe(2);
    expect(result.parseMs).toBeGreaterThanOrEqual(0);
    expect(result.extractMs).toBeGreaterThanOrEqual(0);
    expect(console.log).toBe(log);
  });

  it('turns a throw into an "error" output with the message, and restores the console', () => {
    const warn = console.warn;
    const result = measureExtraction('defuddle', { parse: () => null, extract: () => { throw new Error('boom'); } }, '', PAGE.url);
    expect(result.output).toEqual({ status: 'error', html: '' });
    expect(result.error).toBe('boom');
    expect(console.warn).toBe(warn);
  });
});

describe('QualityTally', () => {
  function tallyOfTwoPages(): QualityTally {
    const tally = new QualityTally(['folio', 'readability'], 'folio');
    const first = tally.startPage(PAGE);
    tally.add(PAGE, first, 'folio', measured(extractorOutput('folio', folioArticle(TRUTH)), 10));
    tally.add(PAGE, first, 'readability', measured({ status: 'ok', html: `<p>${TRUTH}</p><p>Subscribe to our newsletter today and never miss a story</p>` }, 5, { mutedMessages: 3 }));
    const second = tally.startPage(OTHER);
    tally.add(OTHER, second, 'readability', measured({ status: 'ok', html: `<p>${TRUTH}</p>` }, 20));
    tally.add(OTHER, second, 'folio', measured({ status: 'not-article', html: '', bestEffortText: TRUTH }, 30, { error: undefined }));
    return tally;
  }

  it('records each page’s score, status and times per extractor', () => {
    const tally = tallyOfTwoPages();
    expect(tally.records.map((record) => record.id)).toEqual([PAGE.id, OTHER.id]);
    const [first, second] = tally.records;
    expect(first?.results.folio).toMatchObject({ f1: 1, exact: true, status: 'ok', parseMs: 1, extractMs: 10 });
    expect(first?.results.folio?.bestEffortF1).toBeUndefined();
    expect(first?.results.readability?.precision).toBeLessThan(1);
    expect(first?.results.readability?.recall).toBe(1);
    // A refused page scores 0, and says what its best effort would have scored.
    expect(second?.results.folio).toMatchObject({ f1: 0, status: 'not-article', bestEffortF1: 1 });
    expect(tally.worstTexts.get(OTHER.id)).toBe(TRUTH);
    expect(tally.mutedMessages).toBe(3);
  });

  it('sums up each extractor, with its times over Readability’s from the same run', () => {
    const { folio, readability } = tallyOfTwoPages().summaries();
    expect(folio).toMatchObject({ pages: 2, failures: 1, errors: 0, medianMs: 20, p95Ms: 30, timeRatioToReadability: 20 / 12.5, p95RatioToReadability: 30 / 20 });
    expect(folio?.recall).toBe(0.5);
    expect(readability).toMatchObject({ pages: 2, failures: 0, medianMs: 12.5, timeRatioToReadability: 1, p95RatioToReadability: 1 });
  });

  it('gives no ratio when Readability did not run', () => {
    const tally = new QualityTally(['defuddle']);
    tally.add(PAGE, tally.startPage(PAGE), 'defuddle', measured({ status: 'ok', html: '' }, 4));
    expect(tally.summaries().defuddle).toMatchObject({ failures: 1, timeRatioToReadability: null, p95RatioToReadability: null });
  });

  it('writes the same report shape in both environments, saying which', () => {
    const facts = { dataset: 'd', warmupPages: 1, runSeconds: 2, loadAverage: { before: [1, 1, 1], after: [2, 2, 2] }, peakRssMiB: 100 };
    const inBrowser = qualityReport({ ...facts, environment: 'chromium', browserVersion: 'Chromium 156' }, tallyOfTwoPages());
    const inNode = qualityReport({ ...facts, environment: 'node-linkedom', browserVersion: null }, tallyOfTwoPages());
    expect(inBrowser).toMatchObject({ environment: 'chromium', browserVersion: 'Chromium 156', pageCount: 2, loadAverage: facts.loadAverage });
    expect(inNode).toMatchObject({ environment: 'node-linkedom', browserVersion: null, pageCount: 2 });
    expect(Object.keys(inBrowser).sort()).toEqual(Object.keys(inNode).sort());
    expect(Object.keys(inBrowser.extractors)).toEqual(['folio', 'readability']);
  });
});

describe('runQualityBench', () => {
  it('warms every extractor up unrecorded, then rotates their order page by page', async () => {
    const calls: string[] = [];
    const host: BenchHost = {
      browserVersion: null,
      extract: async (name, html) => {
        calls.push(`${name}:${html}`);
        return measured({ status: 'ok', html: `<p>${TRUTH}</p>` }, 1);
      },
      close: async () => {},
    };
    const names: ExtractorName[] = ['folio', 'readability', 'defuddle'];
    const pages = [PAGE, OTHER, { ...PAGE, id: 'page-three' }];
    const run = await runQualityBench({ pages, names, warmup: 1, host, readHtml: (page) => page.id.slice(5, 8) });
    expect(run.warmupPages).toBe(1);
    expect(calls).toEqual([
      'folio:one', 'readability:one', 'defuddle:one', // warm-up
      'folio:one', 'readability:one', 'defuddle:one',
      'readability:two', 'defuddle:two', 'folio:two',
      'defuddle:thr', 'folio:thr', 'readability:thr',
    ]);
    expect(run.tally.records).toHaveLength(3);
    expect(run.tally.summaries().readability?.f1).toBe(1);
  });

  it('rotated starts page k with item k', () => {
    expect(rotated(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a']);
    expect(rotated([], 2)).toEqual([]);
  });
});
