import { describe, expect, it } from "vitest";
import { TokenBucket, TokenBuckets } from "./token-bucket";

describe("token bucket", () => {
  it("lets a burst through, then paces at the rate", () => {
    const b = new TokenBucket(10, 3, 0);
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([0, 0, 0]);
    expect(b.take(0)).toBe(100);
    expect(b.take(0)).toBe(200); // queued behind the previous waiter
  });

  it("refills with time, never above the burst", () => {
    const b = new TokenBucket(10, 2, 0);
    b.take(0);
    b.take(0);
    expect(b.take(100)).toBe(0);
    expect(b.available(10_000)).toBe(2);
  });

  it("keeps one bucket per inlet", () => {
    let now = 0;
    const buckets = new TokenBuckets(1, 1, () => now);
    expect(buckets.waitMs("a")).toBe(0);
    expect(buckets.waitMs("b")).toBe(0);
    expect(buckets.waitMs("a")).toBe(1000);
    now = 5000;
    expect(buckets.waitMs("b")).toBe(0);
  });

  it("holds the long-run rate over many calls", () => {
    const b = new TokenBucket(500, 100, 0);
    let t = 0;
    for (let i = 0; i < 1100; i++) t = Math.max(t, b.take(0));
    // 1,000 beyond the burst at 500/s: the last caller waits about 2 s.
    expect(t).toBeGreaterThanOrEqual(1990);
    expect(t).toBeLessThanOrEqual(2010);
  });
});
