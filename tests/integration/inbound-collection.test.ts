import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/define-action";
import { rotateInboundSecretDef, rotateInletDef, revealInletDef } from "@/lib/profiles/action-defs";
import { resetInboundLimiter } from "@/lib/inbound/route";
import type { Actor, Role } from "@/lib/auth/roles";
import type { RunningEmulators } from "@/emulators/index";
import { createActors } from "../support/actors";
import {
  createSourceProfile,
  dcsRequests,
  emulator,
  postCollection,
  postPush,
  pushEvents,
  settleLeftovers,
  startTestEmulators,
  testWorker,
  type TestProfile,
} from "../support/delivery";

// The AEP-compatible inlet: what RainFocus sends to an AEP raw inlet, answered as AEP answers
// (help/sources/tutorials/api/create/streaming/http.md), and rotation with a grace period.

const INLET_PROBLEM = "http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet";
let emu: RunningEmulators;
let actors: Record<Role, Actor>;
let p: TestProfile;
beforeAll(async () => {
  emu = await startTestEmulators();
  actors = await createActors(`inlet${Date.now().toString(36)}`);
});
afterAll(() => emu.close());
beforeEach(async () => {
  await settleLeftovers();
  await emulator(emu.adobeUrl, "POST", "reset");
  p = await createSourceProfile(emu);
});
afterEach(() => resetInboundLimiter());

const version = async (id: string) => (await db.integrationProfile.findUniqueOrThrow({ where: { id } })).version;

describe("AEP-compatible inlet", () => {
  it("takes one raw event with x-adobe-flow-id and answers 200 {inletId, xactionId, receivedTimeMs}; the worker delivers it", async () => {
    const [e] = pushEvents("SessionScheduled", 7000, 1);
    const r = await postCollection(p.inletId!, e, { headers: { Authorization: "Bearer some-ims-token" } });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(["inletId", "receivedTimeMs", "xactionId"]);
    expect(r.body).toMatchObject({ inletId: p.inletId, xactionId: expect.stringMatching(/^\d+:\d+:\d+$/), receivedTimeMs: expect.any(Number) });
    const stored = await db.delivery.findFirstOrThrow({ where: { profileId: p.id } });
    expect(stored).toMatchObject({ transmissionId: e!.transmissionId, pushType: "SessionScheduled" });
    expect(JSON.stringify(stored)).not.toContain("some-ims-token");
    expect(await testWorker(emu).runOnce()).toMatchObject({ DELIVERED: 1 });
    expect(await dcsRequests(emu)).toHaveLength(1);
  });

  it("takes an array with the flow id in the query", async () => {
    const r = await postCollection(p.inletId!, pushEvents("SessionScheduled", 7100, 3), { query: true });
    expect(r.status).toBe(200);
    expect(await db.delivery.count({ where: { profileId: p.id } })).toBe(3);
  });

  it("refuses in AEP's problem shape and stores nothing: no flow id, another flow, bad JSON, unknown inlet, too large", async () => {
    const [e] = pushEvents("SessionScheduled", 7200, 1);
    const cases = [
      [await postCollection(p.inletId!, e, { flowId: null }), 400, "x-adobe-flow-id"],
      [await postCollection(p.inletId!, e, { flowId: "00000000-0000-4000-8000-000000000099" }), 400, "not associated with this inlet"],
      [await postCollection(p.inletId!, null, { raw: "{not json" }), 400, "JSON"],
      [await postCollection("f".repeat(64), e), 404, "Inlet not found"],
      [await postCollection(p.inletId!, null, { raw: JSON.stringify({ ...e, pad: "x".repeat(1024 * 1024) }) }), 413, "larger than"],
    ] as const;
    for (const [r, status, text] of cases) {
      expect(r.status).toBe(status);
      expect(r.body).toMatchObject({ type: INLET_PROBLEM, status, title: expect.any(String), report: { message: expect.stringContaining(text) } });
    }
    expect(await db.delivery.count({ where: { profileId: p.id } })).toBe(0);
  });

  it("answers 429 in AEP's shape with Retry-After when the sender is too fast", async () => {
    resetInboundLimiter({ profileRatePerSec: 1, profileBurst: 1, authFailuresPerMinute: 1000 });
    const events = pushEvents("SessionScheduled", 7300, 2);
    expect((await postCollection(p.inletId!, events[0])).status).toBe(200);
    const r = await postCollection(p.inletId!, events[1]);
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(r.body).toMatchObject({ type: INLET_PROBLEM, status: 429, title: "Too Many Requests" });
  });
});

describe("rotation with a grace period (inlet id and inbound secret)", () => {
  it("an active profile's inlet rotation must be confirmed; the old inlet works until the grace period ends", async () => {
    const old = p.inletId!;
    const refused = await executeAction(rotateInletDef, actors.OPS, { profileId: p.id, version: await version(p.id), graceHours: 24 });
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    const rotated = await executeAction(rotateInletDef, actors.OPS, { profileId: p.id, version: await version(p.id), graceHours: 24, confirm: true });
    expect(rotated.ok).toBe(true);
    const revealed = await executeAction(revealInletDef, actors.OPS, { profileId: p.id });
    if (!revealed.ok) throw new Error(revealed.error);
    expect(revealed.data.inletId).toMatch(/^[0-9a-f]{64}$/);
    expect(revealed.data.previousInletId).toBe(old);
    const events = pushEvents("SessionScheduled", 7400, 3);
    expect((await postCollection(revealed.data.inletId, events[0])).status).toBe(200);
    expect((await postCollection(old, events[1])).status).toBe(200);
    await db.integrationProfile.update({ where: { id: p.id }, data: { previousInletUntil: new Date(Date.now() - 1000) } });
    expect((await postCollection(old, events[2])).status).toBe(404);
    expect(await executeAction(revealInletDef, actors.QA, { profileId: p.id })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("the previous inbound secret still signs during the grace period, and not after; grace 0 ends it at once", async () => {
    const r = await executeAction(rotateInboundSecretDef, actors.OPS, { profileId: p.id, version: await version(p.id), graceHours: 1, confirm: true });
    if (!r.ok) throw new Error(r.error);
    const fresh = r.data.inboundSecret;
    const events = pushEvents("SessionScheduled", 7500, 4);
    expect((await postPush(p.id, events[0], p.secret)).status).toBe(202);
    expect((await postPush(p.id, events[1], fresh)).status).toBe(202);
    await db.integrationProfile.update({ where: { id: p.id }, data: { previousInboundSecretUntil: new Date(Date.now() - 1) } });
    expect((await postPush(p.id, events[2], p.secret)).status).toBe(401);
    const now = await executeAction(rotateInboundSecretDef, actors.OPS, { profileId: p.id, version: await version(p.id), graceHours: 0, confirm: true });
    if (!now.ok) throw new Error(now.error);
    expect((await postPush(p.id, events[3], fresh)).status).toBe(401);
    expect((await postPush(p.id, events[3], now.data.inboundSecret)).status).toBe(202);
    const audit = await db.auditEvent.findMany({ where: { targetId: p.id, action: { startsWith: "profile.inboundSecret.rotate" } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["profile.inboundSecret.rotate.grace0h", "profile.inboundSecret.rotate.grace1h"]);
    expect(JSON.stringify(audit)).not.toContain(fresh);
  });
});
