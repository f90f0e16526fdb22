/** How far through the article the reader is (0..1) and, from its reading time, the minutes left. */
export function scrollFraction(scrollTop: number, scrollHeight: number, clientHeight: number): number {
  const scrollable = scrollHeight - clientHeight;
  if (scrollable <= 0) return 1;
  return Math.min(1, Math.max(0, scrollTop / scrollable));
}

export function minutesLeft(readingMinutes: number, fraction: number): number {
  return Math.max(0, Math.ceil(readingMinutes * (1 - fraction) - 1e-9));
}
