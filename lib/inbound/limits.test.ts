import { describe, expect, it } from "vitest";
import { InboundLimiter } from "./limits";

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
};

describe("InboundLimiter", () => {
  it("lets a profile burst, then refuses with Retry-After until the bucket refills", () => {
    const c = clock();
    const l = new InboundLimiter({ profileRatePerSec: 2, profileBurst: 3, authFailuresPerMinute: 100, now: c.now });
    for (let i = 0; i < 3; i++) expect(l.admit("p1", "10.0.0.1")).toBeNull();
    const refused = l.admit("p1", "10.0.0.1");
    expect(refused).toMatchObject({ status: 429, body: { error: { code: "rate_limited" } }, headers: { "Retry-After": "1" } });
    expect(l.admit("p2", "10.0.0.1")).toBeNull(); // other profiles are not affected
    c.advance(500);
    expect(l.admit("p1", "10.0.0.1")).toBeNull();
    expect(l.admit("p1", "10.0.0.1")?.status).toBe(429);
  });

  it("refuses an address after too many refused authentications within a minute, then forgives it", () => {
    const c = clock();
    const l = new InboundLimiter({ profileRatePerSec: 1000, profileBurst: 1000, authFailuresPerMinute: 3, now: c.now });
    for (let i = 0; i < 3; i++) {
      expect(l.admit("p", "203.0.113.5")).toBeNull();
      l.record("203.0.113.5", i === 2 ? 404 : 401);
    }
    const blocked = l.admit("p", "203.0.113.5");
    expect(blocked?.status).toBe(429);
    expect(Number(blocked?.headers?.["Retry-After"])).toBeGreaterThan(55);
    expect(l.admit("p", "198.51.100.1")).toBeNull(); // another sender still gets in
    l.record("198.51.100.1", 202);
    l.record("198.51.100.1", 400); // a bad body is not a failed authentication
    c.advance(60_000);
    expect(l.admit("p", "203.0.113.5")).toBeNull();
  });

  it("keeps at most maxKeys entries", () => {
    const l = new InboundLimiter({ profileRatePerSec: 1, profileBurst: 1, authFailuresPerMinute: 1, maxKeys: 2 });
    for (const p of ["a", "b", "c"]) l.admit(p, "ip");
    // "a" was forgotten, so it starts with a full bucket again.
    expect(l.admit("a", "ip")).toBeNull();
    expect(l.admit("c", "ip")?.status).toBe(429);
  });
});
