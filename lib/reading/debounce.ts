/**
 * Runs the last of a burst of calls once the burst has paused for `delayMs`. Find in article uses it:
 * a search over a book-length article (20,000+ words) costs tens of milliseconds, and doing it on every
 * key made typing stutter. `flush` runs a waiting call at once (Enter must not act on the old results).
 */
export interface Debounced<T> {
  call(value: T): void;
  /** Runs the waiting call now; true when there was one. */
  flush(): boolean;
  cancel(): void;
}

export function debounce<T>(run: (value: T) => void, delayMs: number): Debounced<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { value: T } | null = null;
  const fire = () => {
    clearTimeout(timer);
    timer = undefined;
    const next = waiting;
    waiting = null;
    if (next) run(next.value);
    return next !== null;
  };
  return {
    call(value) {
      waiting = { value };
      clearTimeout(timer);
      timer = setTimeout(fire, delayMs);
    },
    flush: fire,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      waiting = null;
    },
  };
}
