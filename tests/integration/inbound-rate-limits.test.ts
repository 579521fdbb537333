import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetInboundLimiter } from "@/lib/inbound/route";
import { db } from "@/lib/db";
import { createSourceProfile, postPush, pushEvents, settleLeftovers, startTestEmulators, type TestProfile } from "../support/delivery";
import type { RunningEmulators } from "@/emulators/index";

// The limits through the real route handler: per profile (a token bucket on requests) and per
// client address (refused authentications per minute). The address is the X-Forwarded-For that
// the server sets from the socket (scripts/lib/client-ip.cjs).
describe("inbound rate limits", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  let n = 90_000;
  beforeAll(async () => {
    emu = await startTestEmulators();
    await settleLeftovers();
    p = await createSourceProfile(emu);
  });
  afterAll(async () => {
    resetInboundLimiter();
    await emu.close();
  });

  it("a profile over its rate gets 429 + Retry-After and nothing is stored; other profiles go on", async () => {
    resetInboundLimiter({ profileRatePerSec: 1, profileBurst: 2, authFailuresPerMinute: 1000 });
    const other = await createSourceProfile(emu);
    const send = (profile: TestProfile) =>
      postPush(profile.id, pushEvents("SessionScheduled", n++, 1), profile.secret, undefined, { "X-Forwarded-For": "198.51.100.20" });
    expect((await send(p)).status).toBe(202);
    expect((await send(p)).status).toBe(202);
    const before = await db.delivery.count({ where: { profileId: p.id } });
    const limited = await send(p);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("x-request-id")).toBeTruthy();
    expect(await db.delivery.count({ where: { profileId: p.id } })).toBe(before);
    expect((await send(other)).status).toBe(202);
  });

  it("an address that keeps failing authentication is refused, even with the right secret, while others get in", async () => {
    resetInboundLimiter({ profileRatePerSec: 1000, profileBurst: 1000, authFailuresPerMinute: 5 });
    const attacker = { "X-Forwarded-For": "203.0.113.66" };
    for (let i = 0; i < 5; i++) expect((await postPush(p.id, pushEvents("SessionScheduled", n++, 1), "rfin_guess", undefined, attacker)).status).toBe(401);
    const blocked = await postPush(p.id, pushEvents("SessionScheduled", n++, 1), p.secret, undefined, attacker);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(30);
    // Guessing profile ids counts too (404), from another address.
    const prober = { "X-Forwarded-For": "203.0.113.67" };
    for (let i = 0; i < 5; i++) expect((await postPush(`missing-${i}`, [], p.secret, undefined, prober)).status).toBe(404);
    expect((await postPush(`missing-x`, [], p.secret, undefined, prober)).status).toBe(429);
    expect((await postPush(p.id, pushEvents("SessionScheduled", n++, 1), p.secret, undefined, { "X-Forwarded-For": "198.51.100.21" })).status).toBe(202);
  });
});
