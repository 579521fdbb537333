import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before lib/env.ts is first read (lib/db.ts reads it on import): a shallow queue, refreshed fast.
vi.hoisted(() => {
  process.env.DELIVERY_BACKPRESSURE_DEPTH = "25";
  process.env.DELIVERY_BACKPRESSURE_REFRESH_MS = "100";
});

import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import {
  createDestinationProfile,
  createSourceProfile,
  drain,
  postAep,
  postPush,
  pushEvents,
  settleLeftovers,
  startTestEmulators,
  testWorker,
  type TestProfile,
} from "../support/delivery";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("inbound backpressure", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  let n = 50_000;
  const push = (count: number, profile = p) => {
    const r = postPush(profile.id, pushEvents("SessionScheduled", n, count), profile.secret);
    n += count;
    return r;
  };
  // The count is refreshed in the background: the first request after the interval starts it,
  // the ones after it see the new depth.
  const afterRefresh = async () => {
    await pause(120);
    await postPush(p.id, [], p.secret);
    await pause(50);
  };

  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createSourceProfile(emu);
    await settleLeftovers();
  });
  afterAll(() => emu.close());

  it("answers 429 with Retry-After while the queue is deep, stores nothing, and accepts again once drained", async () => {
    expect((await push(20)).status).toBe(202);
    expect((await push(10)).status).toBe(202); // the cached depth still says 0: cheap, not exact
    await afterRefresh();
    const before = await db.delivery.count();
    const refused = await push(5);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.body.error).toMatchObject({ code: "queue_full", retryAfterSeconds: 5 });
    expect(refused.body.error.message).toMatch(/queue is full .*25 or more events.*Nothing from this request was stored; retry after 5 seconds/);
    expect(await db.delivery.count()).toBe(before);

    const dest: TestProfile = await createDestinationProfile();
    // Not the AEP endpoint: AEP drops refused exports (rate-limiting-retry-policy.md), so it stores.
    const aep = await postAep(dest.id, { profiles: [{ identityMap: {}, attributes: { email: "x@example.com" } }] }, dest.secret);
    expect(aep.status).toBe(202);

    await drain(testWorker(emu), 100);
    await afterRefresh();
    expect((await push(1)).status).toBe(202);
  });

  it("does not count a paused profile's held deliveries", async () => {
    const paused = await createSourceProfile(emu, { status: "PAUSED" });
    expect((await push(40, paused)).status).toBe(202);
    await afterRefresh();
    expect((await push(1)).status).toBe(202);
    await drain(testWorker(emu), 100);
  });
});
