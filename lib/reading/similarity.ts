/**
 * How alike two strings are, 1 - edit distance / longer length (0..1). Levenshtein with two rows; the
 * inputs are highlight quotes (a sentence or a paragraph), so O(n·m) is fine. Long quotes are compared
 * by their ends only, which is what tells an edited quote from a different passage anyway.
 */
const MAX_COMPARED = 400;

export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = clip(a);
  const y = clip(b);
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  return 1 - editDistance(x, y) / longer;
}

function clip(value: string): string {
  return value.length <= MAX_COMPARED ? value : value.slice(0, MAX_COMPARED / 2) + value.slice(-MAX_COMPARED / 2);
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
