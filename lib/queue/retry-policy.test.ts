import { describe, expect, it } from "vitest";
import { backoffCeilingMs, backoffDelayMs, decideRetry, DEFAULT_RETRY_POLICY as P, isRetryable } from "./retry-policy";

const t0 = new Date("2026-01-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("retry policy", () => {
  it("grows the ceiling exponentially up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffCeilingMs(n, P))).toEqual([30_000, 120_000, 480_000, 1_920_000, 7_680_000, 21_600_000, 21_600_000]);
  });

  it("uses full jitter: anywhere from 0 to the ceiling", () => {
    expect(backoffDelayMs(3, P, () => 0)).toBe(0);
    expect(backoffDelayMs(3, P, () => 0.5)).toBe(240_000);
    expect(backoffDelayMs(3, P, () => 0.999999)).toBeLessThan(480_000);
  });

  it("keeps the whole default budget inside 24 hours", () => {
    let total = 0;
    for (let n = 1; n < P.maxAttempts; n++) total += backoffCeilingMs(n, P);
    expect(total).toBeLessThan(P.maxAgeMs);
  });

  it("never retries a permanent failure", () => {
    expect(decideRetry({ attempts: 1, retryable: false, receivedAt: t0, now: t0 }, P)).toMatchObject({ kind: "failed" });
    expect(decideRetry({ attempts: 1, retryable: false, retryAfterMs: 5, receivedAt: t0, now: t0 }, P).kind).toBe("failed");
  });

  it("schedules a retryable failure at now + jittered delay", () => {
    const d = decideRetry({ attempts: 2, retryable: true, receivedAt: t0, now: at(1000) }, P, () => 0.5);
    expect(d).toEqual({ kind: "retry", delayMs: 60_000, at: at(61_000) });
  });

  it("honours Retry-After as a floor", () => {
    const d = decideRetry({ attempts: 1, retryable: true, retryAfterMs: 90_000, receivedAt: t0, now: t0 }, P, () => 0.1);
    expect(d).toMatchObject({ kind: "retry", delayMs: 90_000 });
    const short = decideRetry({ attempts: 3, retryable: true, retryAfterMs: 1000, receivedAt: t0, now: t0 }, P, () => 0.5);
    expect(short).toMatchObject({ kind: "retry", delayMs: 240_000 });
  });

  it("goes DEAD after the attempt budget", () => {
    expect(decideRetry({ attempts: 8, retryable: true, receivedAt: t0, now: t0 }, P)).toMatchObject({ kind: "dead" });
    expect(decideRetry({ attempts: 7, retryable: true, receivedAt: t0, now: t0 }, P, () => 0).kind).toBe("retry");
  });

  it("goes DEAD when the next try would fall outside the age budget", () => {
    const d = decideRetry({ attempts: 2, retryable: true, receivedAt: t0, now: at(P.maxAgeMs - 1000), retryAfterMs: 5000 }, P, () => 0);
    expect(d).toMatchObject({ kind: "dead" });
  });

  it("classifies what is worth retrying", () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(isRetryable({ status })).toBe(true);
    for (const status of [400, 401, 403, 404, 413, 422, 501]) expect(isRetryable({ status })).toBe(false);
    expect(isRetryable({ transport: "network" })).toBe(true);
    expect(isRetryable({ transport: "timeout" })).toBe(true);
    expect(isRetryable({ transport: "not_allowed" })).toBe(false);
  });
});
