/**
 * Performance marks and measures that Folio records again and again (one per search, per list load,
 * per snapshot write), for the benchmarks to read over DevTools. The browser keeps every user-timing
 * entry until it is cleared, so a long session would hold one more per keystroke, for ever. Here each
 * name keeps at most MAX_ENTRIES_PER_NAME: the next one clears that name's entries first (a benchmark
 * reads far fewer than that per page load).
 */
export const MAX_ENTRIES_PER_NAME = 200;

const recorded = new Map<string, number>();

function makeRoom(name: string, clear: (name: string) => void): void {
  const count = recorded.get(name) ?? 0;
  if (count >= MAX_ENTRIES_PER_NAME) clear(name);
  recorded.set(name, count >= MAX_ENTRIES_PER_NAME ? 1 : count + 1);
}

export function boundedMeasure(name: string, options: PerformanceMeasureOptions): void {
  makeRoom(name, (entry) => performance.clearMeasures(entry));
  performance.measure(name, options);
}

export function boundedMark(name: string, options?: PerformanceMarkOptions): void {
  makeRoom(name, (entry) => performance.clearMarks(entry));
  performance.mark(name, options);
}
