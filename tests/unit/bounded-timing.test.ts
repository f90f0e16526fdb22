import { describe, expect, it } from 'vitest';
import { boundedMark, boundedMeasure, MAX_ENTRIES_PER_NAME } from '../../lib/bounded-timing';

describe('bounded performance entries', () => {
  it('keeps at most MAX_ENTRIES_PER_NAME measures of one name over a long session, the latest always there', () => {
    const name = 'folio:test-bounded-measure';
    for (let n = 0; n < 2.5 * MAX_ENTRIES_PER_NAME; n += 1) {
      boundedMeasure(name, { start: performance.now(), detail: { n } });
      const entries = performance.getEntriesByName(name, 'measure');
      expect(entries.length).toBeLessThanOrEqual(MAX_ENTRIES_PER_NAME);
      expect((entries.at(-1) as PerformanceMeasure).detail).toEqual({ n });
    }
    expect(performance.getEntriesByName(name, 'measure').length).toBeGreaterThan(0);
  });

  it('bounds marks the same way, and leaves other names alone', () => {
    performance.mark('folio:test-other');
    for (let n = 0; n < MAX_ENTRIES_PER_NAME + 10; n += 1) boundedMark('folio:test-bounded-mark');
    expect(performance.getEntriesByName('folio:test-bounded-mark', 'mark')).toHaveLength(10);
    expect(performance.getEntriesByName('folio:test-other', 'mark')).toHaveLength(1);
  });
});
