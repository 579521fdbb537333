// Per-inlet rate limit. A backlog drains at a steady rate below Adobe's documented 1,000 req/s
// instead of bursting into a wall of 429s. Pure: the caller passes the clock.

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSec) / 1000);
      this.last = now;
    }
  }

  /**
   * Takes one token and answers how long to wait before using it (0 = go now). Tokens may go
   * negative: callers that must wait are queued behind each other rather than all waking at once.
   */
  take(now: number): number {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.ratePerSec);
  }

  available(now: number): number {
    this.refill(now);
    return this.tokens;
  }
}

/** One bucket per key (the inlet URL), created on first use. */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  waitMs(key: string): number {
    let b = this.buckets.get(key);
    if (!b) {
      b = new TokenBucket(this.ratePerSec, this.burst, this.now());
      this.buckets.set(key, b);
    }
    return b.take(this.now());
  }

  async acquire(key: string): Promise<void> {
    const ms = this.waitMs(key);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }
}
