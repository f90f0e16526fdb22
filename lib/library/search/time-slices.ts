/**
 * Long index work (writing the search snapshot) done in steps, so a worker keeps answering searches
 * meanwhile: the work is a generator that yields between small units, and `runInSlices` runs it for
 * about SLICE_MS at a time, awaiting `pause` (a macrotask: queued search requests run) in between.
 * Why: at 10,000 articles the snapshot took hundreds of milliseconds of one uninterrupted task on a loaded
 * machine, and every keystroke that arrived meanwhile waited for all of it.
 */

export type Pause = () => Promise<void>;

/** Lets the event loop run queued tasks (a search request's message) before going on. */
export const yieldToEvents: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

const SLICE_MS = 8;

/** Runs `work` to its end at once (for callers that need the result in the same turn). */
export function runAtOnce<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs `work` in slices of about `sliceMs`, pausing between them. */
export async function runInSlices<T>(work: Generator<void, T>, pause: Pause = yieldToEvents, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
