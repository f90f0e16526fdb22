/**
 * Keeps Chrome's offscreen document (a hidden extension page with a DOM, the only place an MV3
 * service worker can parse HTML) alive while jobs need it: created on the first job, shared by
 * concurrent ones (a second createDocument would throw: one offscreen document per extension),
 * closed when it has been idle a while so it costs no memory between saves.
 */

export interface OffscreenApi {
  /** Whether the document already exists (it outlives a restarted service worker). */
  exists(): Promise<boolean>;
  create(): Promise<void>;
  close(): Promise<void>;
}

export interface OffscreenHost {
  /** Runs `job` with the document open; the document stays until no job has run for the idle time. */
  run<T>(job: () => Promise<T>): Promise<T>;
}

export const OFFSCREEN_IDLE_MS = 30_000;

export function createOffscreenHost(api: OffscreenApi, { idleMs = OFFSCREEN_IDLE_MS } = {}): OffscreenHost {
  let opening: Promise<void> | null = null;
  /** A close in flight: a job arriving meanwhile waits for it, then creates the document afresh. */
  let closing: Promise<void> = Promise.resolve();
  let running = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  function open(): Promise<void> {
    opening ??= (async () => {
      await closing;
      if (!(await api.exists())) await api.create();
    })().catch((error: unknown) => {
      // The next job tries again rather than inheriting this failure.
      opening = null;
      throw error;
    });
    return opening;
  }

  function closeWhenIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (running > 0) return;
      opening = null;
      closing = api.close().catch(() => undefined);
    }, idleMs);
  }

  return {
    async run(job) {
      running += 1;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      try {
        await open();
        return await job();
      } finally {
        running -= 1;
        if (running === 0) closeWhenIdle();
      }
    },
  };
}
