import type pg from "pg";

/** What the senders need from a rate limiter: wait until one request to `key` may go. */
export interface RateLimiter {
  acquire(key: string): Promise<void>;
}

// One statement per request: refill by the time elapsed since the last take (capped at the burst),
// take one token, and return the balance. A negative balance is a debt the caller sleeps off, so
// concurrent workers queue up in the order PostgreSQL serialised their takes (the row lock).
const TAKE_SQL = `
  INSERT INTO "InletRateBucket" (key, tokens, "updatedAt") VALUES ($1, $2::float8 - 1, clock_timestamp())
  ON CONFLICT (key) DO UPDATE SET
    tokens = LEAST($2::float8, "InletRateBucket".tokens + EXTRACT(EPOCH FROM (clock_timestamp() - "InletRateBucket"."updatedAt")) * $3::float8) - 1,
    "updatedAt" = clock_timestamp()
  RETURNING tokens`;

/**
 * A token bucket per AEP inlet kept in PostgreSQL, so the rate AEP allows per inlet (about 1,000
 * requests/s) is shared by every worker process rather than granted to each. A debt caps at the
 * burst's worth of waiting per caller, so a crowd of workers never sleeps unboundedly.
 */
export class SharedTokenBuckets implements RateLimiter {
  constructor(
    private readonly pool: pg.Pool,
    private readonly ratePerSec: number,
    private readonly burst: number,
  ) {}

  /** Milliseconds to wait before sending (0 = now). */
  async take(key: string): Promise<number> {
    const { rows } = await this.pool.query<{ tokens: number }>(TAKE_SQL, [key, this.burst, this.ratePerSec]);
    const balance = Number(rows[0]?.tokens ?? 0);
    return balance >= 0 ? 0 : Math.ceil((-balance / this.ratePerSec) * 1000);
  }

  async acquire(key: string): Promise<void> {
    const ms = await this.take(key);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }
}
