/** The index of the first of the ascending `values` that is not below `target` (values.length when none is). */
export function lowerBound<T extends number | string>(values: readonly T[], target: T): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}
