import { MAX_WRITE_OPERATIONS_PER_HOUR, MAX_WRITE_OPERATIONS_PER_MINUTE } from './constants';

/**
 * Token buckets for storage.sync's write-operation quotas (each set or remove call is one operation).
 * A bucket of capacity C refilled at R per window allows at most C + R operations in any window, so
 * capacity + rate is kept below the quota with a margin: ≤ 100 a minute (quota 120) and ≤ 1,550 an
 * hour (quota 1,800), in every sliding window, not only on average.
 */
export interface BucketSpec {
  capacity: number;
  refillPerWindow: number;
  windowMs: number;
}

export const MINUTE_BUCKET: BucketSpec = { capacity: 10, refillPerWindow: 90, windowMs: 60_000 };
export const HOUR_BUCKET: BucketSpec = { capacity: 50, refillPerWindow: 1_500, windowMs: 3_600_000 };

// Checked at load: the margins above must hold.
if (MINUTE_BUCKET.capacity + MINUTE_BUCKET.refillPerWindow >= MAX_WRITE_OPERATIONS_PER_MINUTE) throw new Error('minute bucket exceeds quota');
if (HOUR_BUCKET.capacity + HOUR_BUCKET.refillPerWindow >= MAX_WRITE_OPERATIONS_PER_HOUR) throw new Error('hour bucket exceeds quota');

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(private readonly spec: BucketSpec, now: number) {
    this.tokens = spec.capacity;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    const rate = this.spec.refillPerWindow / this.spec.windowMs;
    this.tokens = Math.min(this.spec.capacity, this.tokens + (now - this.updatedAt) * rate);
    this.updatedAt = now;
  }

  /** Milliseconds until `n` tokens are available (0 = now). */
  waitFor(n: number, now: number): number {
    this.refill(now);
    if (this.tokens >= n) return 0;
    return Math.ceil((n - this.tokens) / (this.spec.refillPerWindow / this.spec.windowMs));
  }

  take(n: number, now: number): void {
    this.refill(now);
    this.tokens -= n;
  }
}

export class WriteRateLimiter {
  private readonly buckets: TokenBucket[];

  constructor(now: number, specs: BucketSpec[] = [MINUTE_BUCKET, HOUR_BUCKET]) {
    this.buckets = specs.map((s) => new TokenBucket(s, now));
  }

  /** Milliseconds until `ops` operations may run. */
  waitFor(ops: number, now: number): number {
    return Math.max(0, ...this.buckets.map((b) => b.waitFor(ops, now)));
  }

  take(ops: number, now: number): void {
    for (const b of this.buckets) b.take(ops, now);
  }
}
