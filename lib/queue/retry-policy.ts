import { isRetryableStatus } from "../http/classify";

// What happens after a failed attempt (DESIGN.md §4). Pure: the worker passes the clock and the
// random source, so tests pin both.

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Give up when the next try would start later than this after receipt. */
  maxAgeMs: number;
  /** Ceiling of the first backoff; the ceiling grows by `factor` per attempt up to `capMs`. */
  baseMs: number;
  capMs: number;
  factor: number;
}

/** 8 attempts: ceilings 30 s, 2 min, 8 min, 32 min, ~2 h, 6 h, 6 h — at most ~15 h, inside 24 h. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, maxAgeMs: 24 * 3600_000, baseMs: 30_000, capMs: 6 * 3600_000, factor: 4 };

export type RetryDecision = { kind: "retry"; delayMs: number; at: Date } | { kind: "failed"; reason: string } | { kind: "dead"; reason: string };

export interface FailedAttempt {
  /** Attempts made so far, this one included. */
  attempts: number;
  retryable: boolean;
  /** From Retry-After; a floor for the next delay, never a reason to retry a permanent error. */
  retryAfterMs?: number;
  receivedAt: Date;
  now: Date;
}

/** The backoff ceiling before attempt `attempts + 1`. */
export function backoffCeilingMs(attempts: number, p: RetryPolicy): number {
  const exp = p.baseMs * p.factor ** Math.max(0, attempts - 1);
  return Math.min(p.capMs, exp);
}

/**
 * "Full jitter" (uniform in [0, ceiling]): spreads a burst of failures from one outage over the
 * whole window instead of retrying them together, which is what turns a 429 into a 429 storm.
 */
export function backoffDelayMs(attempts: number, p: RetryPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeilingMs(attempts, p));
}

export function decideRetry(f: FailedAttempt, p: RetryPolicy, random: () => number = Math.random): RetryDecision {
  if (!f.retryable) return { kind: "failed", reason: "not retryable" };
  if (f.attempts >= p.maxAttempts) return { kind: "dead", reason: `retry budget spent: ${f.attempts} attempts` };
  const delayMs = Math.max(backoffDelayMs(f.attempts, p, random), f.retryAfterMs ?? 0);
  const at = new Date(f.now.getTime() + delayMs);
  if (at.getTime() - f.receivedAt.getTime() > p.maxAgeMs) {
    return { kind: "dead", reason: `retry budget spent: next try would be more than ${Math.round(p.maxAgeMs / 3600_000)} h after receipt` };
  }
  return { kind: "retry", delayMs, at };
}

/** Network errors, timeouts, 408, 429 and 5xx (not 501) are worth another try; other 4xx never. */
export function isRetryable(failure: { status?: number; transport?: "network" | "timeout" | string }): boolean {
  if (failure.transport) return failure.transport === "network" || failure.transport === "timeout";
  return failure.status !== undefined && isRetryableStatus(failure.status);
}
