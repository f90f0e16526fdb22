import { WriteRateLimiter } from './rate-limiter';
import type { Timers } from './types';

/**
 * Turns many changes into few writes: a change marks the state dirty; the write happens once changes
 * have paused for `debounceMs`, or at most `maxWaitMs` after the first unwritten change; it waits for
 * rate-limit tokens; a rejected write is retried with exponential backoff (longer for rate errors).
 * What to write is asked for at write time (`prepare`), so one write carries every change since the last.
 */

export interface PreparedWrite {
  /** storage.sync operations this write uses (each set/remove call counts one). */
  ops: number;
  run(): Promise<void>;
}

export interface SchedulerOptions {
  debounceMs: number;
  maxWaitMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  debounceMs: 2_000,
  maxWaitMs: 10_000,
  backoffBaseMs: 5_000,
  backoffMaxMs: 30 * 60_000,
};

export interface SchedulerState {
  pending: boolean;
  lastError: string | null;
  retryAt: number | null;
}

/** Minimum wait after a rejection, by the quota Chrome/Firefox name in the error message. */
function minimumRetryMs(message: string): number {
  if (message.includes('PER_HOUR')) return 10 * 60_000;
  if (message.includes('PER_MINUTE')) return 60_000;
  return 0;
}

export class WriteScheduler {
  private timer: unknown = null;
  private dirty = false;
  private running = false;
  private rerun = false;
  private firstDirtyAt: number | null = null;
  private attempt = 0;
  private lastError: string | null = null;
  private retryAt: number | null = null;
  private readonly limiter: WriteRateLimiter;
  private stopped = false;

  constructor(
    private readonly timers: Timers,
    private readonly prepare: () => Promise<PreparedWrite | null>,
    private readonly onStateChange: () => void,
    private readonly onFailure: (message: string) => Promise<void> = async () => {},
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
  ) {
    this.limiter = new WriteRateLimiter(timers.now());
  }

  state(): SchedulerState {
    return { pending: this.dirty || this.running || this.retryAt !== null, lastError: this.lastError, retryAt: this.retryAt };
  }

  markDirty(): void {
    if (this.stopped) return;
    const now = this.timers.now();
    const wasPending = this.state().pending;
    this.dirty = true;
    this.firstDirtyAt ??= now;
    if (this.retryAt === null) this.setTimer(Math.min(this.options.debounceMs, this.firstDirtyAt + this.options.maxWaitMs - now));
    if (!wasPending) this.onStateChange();
  }

  /** Writes now (still within the rate limits); for tests and "sync now" buttons. */
  async flushNow(): Promise<void> {
    this.clearTimer();
    this.retryAt = null;
    await this.fire();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private setTimer(delayMs: number): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.fire();
    }, Math.max(0, delayMs));
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async fire(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    // Changes from here on mark the state dirty again and get their own write.
    this.dirty = false;
    this.firstDirtyAt = null;
    let rescheduleInMs: number | null = null;
    try {
      const prepared = await this.prepare();
      if (!prepared || prepared.ops === 0) {
        this.retryAt = null;
        return;
      }
      const now = this.timers.now();
      const wait = this.limiter.waitFor(prepared.ops, now);
      if (wait > 0) {
        this.dirty = true;
        rescheduleInMs = wait;
        return;
      }
      this.limiter.take(prepared.ops, now);
      try {
        await prepared.run();
        this.attempt = 0;
        this.lastError = null;
        this.retryAt = null;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.attempt++;
        this.lastError = message;
        this.dirty = true;
        const backoff = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (this.attempt - 1));
        rescheduleInMs = Math.max(minimumRetryMs(message), backoff);
        this.retryAt = this.timers.now() + rescheduleInMs;
        await this.onFailure(message).catch(() => {});
      }
    } finally {
      this.running = false;
      if (rescheduleInMs !== null) this.setTimer(rescheduleInMs);
      else if (this.retryAt === null && (this.rerun || this.dirty)) {
        // Changes that arrived while writing (markDirty does not schedule during a retry window).
        this.rerun = false;
        this.markDirty();
      }
      this.onStateChange();
    }
  }

}
