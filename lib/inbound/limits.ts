// Inbound rate limits, per web server (in memory; each instance limits on its own):
// - per profile, a token bucket on requests: a runaway sender (or a leaked inbound secret) cannot
//   take the whole console's capacity; queue-depth backpressure (backpressure.ts) still guards the
//   database as a whole;
// - per client address, a cap on refused-authentication answers (bad signature or bearer, unknown
//   profile) per minute: guessing secrets or profile ids gets a 429 long before it gets anywhere.
// Both answer 429 with Retry-After, which RainFocus and AEP treat as "send again later".
import { TokenBucket } from "../queue/token-bucket";
import { refuse, type InboundAnswer } from "./common";

export interface InboundLimitOptions {
  /** Requests per second per profile (sustained). */
  profileRatePerSec: number;
  /** Requests a profile may send at once above the rate. */
  profileBurst: number;
  /** Refused-authentication answers per client address per minute before it is refused outright. */
  authFailuresPerMinute: number;
  now?: () => number;
  /** Tracked profiles / addresses at most; beyond it the oldest are forgotten (bounded memory). */
  maxKeys?: number;
}

/** Statuses that count as a failed attempt to authenticate. */
const AUTH_FAILURES = new Set([401, 403, 404]);

export class InboundLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly failures = new Map<string, { windowStart: number; n: number }>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly opts: InboundLimitOptions) {
    this.now = opts.now ?? Date.now;
    this.maxKeys = opts.maxKeys ?? 10_000;
  }

  /**
   * Before the request is read: a 429 answer, or null to go on. Takes one token from the profile,
   * unless `perProfile` is false (the AEP endpoint: AEP drops what it cannot deliver, so only
   * addresses that keep failing authentication are refused there).
   */
  admit(profileId: string, ip: string, perProfile = true): InboundAnswer | null {
    const now = this.now();
    const f = this.failures.get(ip);
    if (f && now - f.windowStart < 60_000 && f.n >= this.opts.authFailuresPerMinute) {
      return tooMany(Math.ceil((f.windowStart + 60_000 - now) / 1000), "Too many refused requests from this address; wait before trying again.");
    }
    if (!perProfile) return null;
    let bucket = this.buckets.get(profileId);
    if (!bucket) {
      bucket = new TokenBucket(this.opts.profileRatePerSec, this.opts.profileBurst, now);
      remember(this.buckets, profileId, bucket, this.maxKeys);
    }
    const available = bucket.available(now);
    if (available < 1) {
      return tooMany(
        Math.max(1, Math.ceil((1 - available) / this.opts.profileRatePerSec)),
        "This profile is sending faster than this server accepts; send again after the Retry-After delay.",
      );
    }
    bucket.take(now);
    return null;
  }

  /** After the answer: counts refused authentication against the address. */
  record(ip: string, status: number): void {
    if (!AUTH_FAILURES.has(status)) return;
    const now = this.now();
    const f = this.failures.get(ip);
    if (!f || now - f.windowStart >= 60_000) remember(this.failures, ip, { windowStart: now, n: 1 }, this.maxKeys);
    else f.n++;
  }
}

function tooMany(retryAfterSeconds: number, message: string): InboundAnswer {
  return { ...refuse(429, "rate_limited", message), headers: { "Retry-After": String(retryAfterSeconds) } };
}

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}
