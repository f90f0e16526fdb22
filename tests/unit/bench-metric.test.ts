import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aggregateScores,
  matchShingles,
  scoreAll,
  scorePage,
  shingleCounts,
  tokenize,
} from '../../scripts/lib/metric.ts';
import { loadGroundTruth, loadPublishedOutput } from '../../scripts/lib/bench-dataset.ts';
import { diagnosePage } from '../../scripts/lib/bench-diagnose.ts';
import { htmlToBlockText } from '../../scripts/lib/bench-html-text.ts';
import { median, quantile } from '../../scripts/lib/bench-stats.ts';

// The repository sits beside shared/ both on developer machines and in CI.
const DATASET = resolve(process.cwd(), '../shared/datasets/article-extraction-benchmark');

describe('tokenize (Python re \\w+ semantics)', () => {
  it('keeps case and underscores and splits on punctuation', () => {
    expect(tokenize('Hello, World_1! It’s 2019—ok')).toEqual(['Hello', 'World_1', 'It', 's', '2019', 'ok']);
  });

  it('treats letters and numbers of any script as word characters', () => {
    expect(tokenize('Привет мир 東京 ٣٤ ½')).toEqual(['Привет', 'мир', '東京', '٣٤', '½']);
  });

  it('splits words at combining marks, as Python does', () => {
    // Arabic harakat (Mn) and Devanagari vowel signs / virama (Mc, Mn) are not \w in Python.
    expect(tokenize('كَتَبَ')).toEqual(['ك', 'ت', 'ب']);
    expect(tokenize('हिन्दी')).toEqual(['ह', 'न', 'द']);
    expect(tokenize('cafe\u0301 bar')).toEqual(['cafe', 'bar']);
  });

  it('returns no tokens for text without word characters', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' — … !')).toEqual([]);
  });
});

describe('shingleCounts', () => {
  it('counts overlapping 4-token shingles as a multiset', () => {
    const counts = shingleCounts(tokenize('a b c d a b c d'));
    expect([...counts.entries()]).toEqual([
      ['a b c d', 2],
      ['b c d a', 1],
      ['c d a b', 1],
      ['d a b c', 1],
    ]);
  });

  it('makes one short shingle of a text under 4 tokens and none of an empty one', () => {
    expect([...shingleCounts(['one', 'two']).entries()]).toEqual([['one two', 1]]);
    expect(shingleCounts([]).size).toBe(0);
  });
});

describe('matchShingles / scorePage', () => {
  it('normalises TP/FP/FN to sum 1', () => {
    // truth shingles {a b c d, b c d e}; prediction {a b c d, b c d x}: one of each kind.
    const match = matchShingles('a b c d e', 'a b c d x');
    expect(match.tp).toBeCloseTo(1 / 3, 12);
    expect(match.fp).toBeCloseTo(1 / 3, 12);
    expect(match.fn).toBeCloseTo(1 / 3, 12);
    const page = scorePage('a b c d e', 'a b c d x');
    expect(page.precision).toBeCloseTo(0.5, 12);
    expect(page.recall).toBeCloseTo(0.5, 12);
    expect(page.f1).toBeCloseTo(0.5, 12);
    expect(page.exact).toBe(false);
  });

  it('ignores whitespace and punctuation differences but not case', () => {
    expect(scorePage('One two, three four.', 'One\ntwo three — four').exact).toBe(true);
    const page = scorePage('The cat sat down', 'the cat sat down');
    expect(page.tp).toBe(0);
    expect(page.f1).toBe(0);
  });

  it('counts repeated shingles: a duplicated block is a false positive', () => {
    const truth = 'w1 w2 w3 w4 w5';
    const page = scorePage(truth, `${truth} ${truth}`);
    expect(page.recall).toBe(1);
    expect(page.precision).toBeLessThan(1);
  });

  it('gives a short text no partial credit, as the original does', () => {
    // "one two" and "one two three" are each one shingle, and they differ.
    expect(scorePage('one two', 'one two three').tp).toBe(0);
    expect(scorePage('one two', 'one, two').f1).toBe(1);
  });

  it('leaves an empty prediction out of precision and scores it 0 recall', () => {
    const page = scorePage('a b c d e', '');
    expect(page.precision).toBeNull();
    expect(page.recall).toBe(0);
    expect(page.f1).toBe(0);
  });

  it('leaves a page with two empty texts out of both means but counts it as exact', () => {
    const page = scorePage('', '');
    expect(page.precision).toBeNull();
    expect(page.recall).toBeNull();
    expect(page.exact).toBe(true);
  });
});

describe('aggregateScores', () => {
  it('averages precision and recall over pages, then takes F1 of the means', () => {
    const perfect = scorePage('a b c d e', 'a b c d e');
    const missing = scorePage('f g h i j', '');
    const half = scorePage('a b c d e', 'a b c d x');
    const score = aggregateScores([perfect, missing, half]);
    expect(score.precision).toBeCloseTo((1 + 0.5) / 2, 12);
    expect(score.recall).toBeCloseTo((1 + 0 + 0.5) / 3, 12);
    expect(score.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25, 12);
    expect(score.accuracy).toBeCloseTo(1 / 3, 12);
    expect(score.pages).toBe(3);
  });
});

describe('reproduces the benchmark’s published figures from its stored outputs', () => {
  const truthPages = loadGroundTruth(DATASET);
  const truth = new Map(truthPages.map((page) => [page.id, page.articleBody]));

  it('has the 181 pages', () => {
    expect(truth.size).toBe(181);
  });

  // F1 / precision / recall from the benchmark's README, to 3 decimals.
  const published: [string, number, number, number][] = [
    ['readability_js', 0.947, 0.914, 0.982],
    ['rs_trafilatura', 0.97, 0.951, 0.99],
    ['trafilatura', 0.958, 0.938, 0.978],
    ['go_domdistiller', 0.927, 0.901, 0.956],
  ];
  it.each(published)('%s: F1 %f, precision %f, recall %f', (name, f1, precision, recall) => {
    const { aggregate } = scoreAll(truth, loadPublishedOutput(DATASET, name));
    expect(Number(aggregate.f1.toFixed(3))).toBe(f1);
    expect(Number(aggregate.precision.toFixed(3))).toBe(precision);
    expect(Number(aggregate.recall.toFixed(3))).toBe(recall);
  });
});

describe('htmlToBlockText (shared by every extractor in bench:quality)', () => {
  it('puts one block a line and keeps inline runs together', () => {
    const html = '<div><h2>Title</h2><p>One <b>bold</b>word.</p><p>Two</p><ul><li>a</li><li>b<br>c</li></ul></div>';
    expect(htmlToBlockText(html)).toBe('Title\nOne boldword.\nTwo\na\nb\nc');
  });

  it('drops script and style text and separates table cells', () => {
    const html = '<p>x</p><script>var hidden = 1;</script><style>p{}</style><table><tr><td>c1</td><td>c2</td></tr></table>';
    expect(htmlToBlockText(html)).toBe('x\nc1\nc2');
  });

  it('scores better than glued text on the metric', () => {
    // A heading or paragraph without final punctuation is where textContent glues two words into one.
    const truth = 'A short heading\nThe story starts here and goes on.';
    const html = '<h2>A short heading</h2><p>The story starts here and goes on.</p>';
    expect(scorePage(truth, htmlToBlockText(html)).f1).toBe(1);
    expect(scorePage(truth, 'A short headingThe story starts here and goes on.').f1).toBeLessThan(1);
  });
});

describe('diagnosePage', () => {
  it('names the truth blocks an output missed and the blocks it added', () => {
    const truth = 'Alpha beta gamma delta epsilon.\nZeta eta theta iota kappa lambda.';
    const prediction = 'Alpha beta gamma delta epsilon.\nSign up for our newsletter today please.';
    const diagnosis = diagnosePage(truth, prediction);
    expect(diagnosis.missed.count).toBe(1);
    expect(diagnosis.missed.samples).toEqual(['Zeta eta theta iota kappa lambda.']);
    expect(diagnosis.added.samples).toEqual(['Sign up for our newsletter today please.']);
    expect(diagnosis.added.tokenShare).toBeCloseTo(7 / 12, 12);
  });

  it('reports a block repeated more often than the truth has it', () => {
    const block = 'A caption that appears twice here';
    const diagnosis = diagnosePage(block, `${block}\n${block}`);
    expect(diagnosis.missed.count).toBe(0);
    expect(diagnosis.added.count).toBe(1);
  });
});

describe('timing statistics', () => {
  it('takes the median and nearest-rank quantiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantile(values, 0.95)).toBe(19);
    expect(quantile(values, 1)).toBe(20);
    expect(quantile([], 0.5)).toBe(0);
  });
});
