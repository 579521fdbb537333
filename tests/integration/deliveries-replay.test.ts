import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { bulkReplay, replayDelivery, replayPreview } from "@/lib/delivery-log/replay";
import { DeliveryFilterSchema } from "@/lib/delivery-log/schemas";
import { enqueueTestEvent, listMyTestSends, waitForSettled } from "@/lib/test-events/test-events";
import { createActors } from "../support/actors";
import type { Actor, Role } from "@/lib/auth/roles";
import { createSourceProfile, dcsRequests, drain, emulator, postPush, pushEvents, startTestEmulators, testWorker, type TestProfile } from "../support/delivery";

// Replay (one and bulk by filter, original vs current mapping) and QA test events through the
// real worker against the emulators.

describe("replay and test events", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  let actors: Record<Role, Actor>;
  let n = 70_000;
  const ctx = () => ({ actor: actors.OPS, ip: "127.0.0.1" });
  const failSome = async (count: number) => {
    const events = pushEvents("SessionScheduled", n, count);
    n += count;
    const r = await postPush(p.id, events, p.secret);
    await emulator(emu.adobeUrl, "POST", "faults", { route: "dcs", status: 400, times: count });
    await drain(testWorker(emu));
    // A batch request fires a fault once for all its messages: clear what is left over.
    await emulator(emu.adobeUrl, "DELETE", "faults");
    return r.body.deliveryIds as string[];
  };
  const byId = (id: string) => db.delivery.findUniqueOrThrow({ where: { id }, include: { attemptLog: { orderBy: { number: "asc" } } } });

  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createSourceProfile(emu);
    actors = await createActors("replay");
  });
  beforeEach(async () => {
    await emulator(emu.adobeUrl, "POST", "reset", { seed: 7 });
    await db.delivery.updateMany({ where: { status: { in: ["QUEUED", "RETRYING", "DELIVERING"] } }, data: { status: "FAILED", lastError: "test cleanup" } });
  });
  afterAll(() => emu.close());

  it("replays one FAILED delivery: queued now, history kept, numbering continues, audited", async () => {
    const [id] = await failSome(1);
    expect((await byId(id!)).status).toBe("FAILED");
    const r = await replayDelivery(id!, "original", ctx());
    expect(r).toMatchObject({ status: "QUEUED", previousStatus: "FAILED" });
    await drain(testWorker(emu));
    const d = await byId(id!);
    expect(d.status).toBe("DELIVERED");
    expect(d.attemptLog.map((a) => [a.number, a.responseStatus])).toEqual([
      [1, 400],
      [2, 200],
    ]);
    // The replay is marked: attempts from replayedAt on are replays (the dashboard shows them apart).
    expect(d.replayedAt).not.toBeNull();
    expect(d.attemptLog.map((a) => [a.outcome, a.startedAt >= d.replayedAt!])).toEqual([
      ["FAILED", false],
      ["DELIVERED", true],
    ]);
    const audit = await db.auditEvent.findFirst({ where: { action: "delivery.replay", targetId: id }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorId: actors.OPS.id, ip: "127.0.0.1" });
  });

  it("refuses a delivery in flight, and 'original' when the mapping changed since", async () => {
    const [id] = await failSome(1);
    await db.delivery.update({ where: { id }, data: { status: "DELIVERING" } });
    await expect(replayDelivery(id!, "current", ctx())).rejects.toMatchObject({ code: "conflict" });
    await db.delivery.update({ where: { id }, data: { status: "FAILED", mappingVersion: 1 } });
    await db.mappingVersion.create({
      data: { profileId: p.id, version: 2, rules: (await import("@/lib/mapping-engine")).defaultSourceMapping("demotenant") as object[] },
    });
    try {
      await expect(replayDelivery(id!, "original", ctx())).rejects.toThrow(/v1.*v2.*Replay with current mapping/);
      await expect(replayDelivery(id!, "current", ctx())).resolves.toMatchObject({ status: "QUEUED", mappingVersion: 2 });
      await expect(replayDelivery("nope", "current", ctx())).rejects.toMatchObject({ code: "not_found" });
    } finally {
      await db.mappingVersion.deleteMany({ where: { profileId: p.id } });
    }
  });

  it("previews replay with the current mapping as a field diff of the XDM", async () => {
    const [id] = await failSome(1);
    await db.delivery.update({ where: { id }, data: { mappedPayload: { _id: "old", eventType: "x" } } });
    const prev = await replayPreview(id!);
    expect(prev).toMatchObject({ originalVersion: null, currentVersion: null, afterOk: true });
    expect(prev.changes.find((c) => c.path === "_id")).toMatchObject({ kind: "changed", before: "old" });
    expect(prev.changes.some((c) => c.kind === "added" && c.path === "timestamp")).toBe(true);
  });

  it("bulk-replays by filter: a dry run counts, batches report progress, later arrivals are left out", async () => {
    const ids = await failSome(5);
    const byFilter = DeliveryFilterSchema.parse({ profileId: p.id, status: "FAILED" });
    const pre = await bulkReplay({ filter: byFilter, useMapping: "current", dryRun: true }, ctx());
    expect(pre.matched).toBeGreaterThanOrEqual(5);
    expect(pre.replayed).toBe(0);
    expect(await db.delivery.count({ where: { id: { in: ids }, status: "FAILED" } })).toBe(5);
    const until = new Date(pre.until);
    await new Promise((r) => setTimeout(r, 5));
    const [later] = await failSome(1);
    let step = await bulkReplay({ filter: byFilter, useMapping: "current", dryRun: false, until, batchSize: 2 }, ctx());
    let replayed = step.replayed;
    expect(step.done).toBe(false);
    while (step.nextCursor) {
      step = await bulkReplay({ filter: byFilter, useMapping: "current", dryRun: false, until, batchSize: 2, cursor: step.nextCursor }, ctx());
      replayed += step.replayed;
    }
    expect(replayed).toBe(pre.matched);
    expect(await db.delivery.count({ where: { id: { in: ids }, status: "QUEUED" } })).toBe(5);
    expect((await byId(later!)).status).toBe("FAILED");
    await drain(testWorker(emu));
    expect(await db.delivery.count({ where: { id: { in: ids }, status: "DELIVERED" } })).toBe(5);
    expect(await db.auditEvent.count({ where: { action: "delivery.replay.bulk", actorId: actors.OPS.id } })).toBeGreaterThanOrEqual(3);
  });

  it("refuses to replay a deleted profile's deliveries, one or in bulk, and leaves their history as it was", async () => {
    const [failedId] = await failSome(1);
    const [deliveredId] = (await postPush(p.id, pushEvents("SessionScheduled", n++, 1), p.secret)).body.deliveryIds as string[];
    await drain(testWorker(emu));
    const snapshot = async () =>
      (await Promise.all([failedId!, deliveredId!].map(byId))).map((d) => ({
        status: d.status,
        attempts: d.attempts,
        deliveredAt: d.deliveredAt,
        attemptLog: d.attemptLog.length,
      }));
    const before = await snapshot();
    expect(before.map((d) => d.status)).toEqual(["FAILED", "DELIVERED"]);
    await db.integrationProfile.update({ where: { id: p.id }, data: { deletedAt: new Date() } });
    try {
      for (const id of [failedId!, deliveredId!]) {
        await expect(replayDelivery(id, "current", ctx())).rejects.toMatchObject({
          code: "conflict",
          message: expect.stringMatching(/was deleted.*cannot be replayed/),
        });
        await expect(replayPreview(id)).rejects.toMatchObject({ code: "conflict" });
      }
      const bulk = await bulkReplay({ filter: { profileId: p.id }, useMapping: "current", dryRun: false, loop: true }, ctx());
      expect(bulk.replayed).toBe(0);
      expect(bulk.skippedDeleted).toBe(bulk.skipped);
      expect(bulk.skippedDeleted).toBeGreaterThanOrEqual(2);
      expect(await snapshot()).toEqual(before);
    } finally {
      await db.integrationProfile.update({ where: { id: p.id }, data: { deletedAt: null } });
    }
  });

  it("sends a test event through the real worker, flagged test, and lists it in the sender's history", async () => {
    const worker = testWorker(emu);
    const loop = (async () => {
      const end = Date.now() + 5000;
      while (Date.now() < end) {
        const r = await worker.runOnce();
        if (!r.claimed) await new Promise((x) => setTimeout(x, 20));
      }
    })();
    const qa = { actor: actors.QA, ip: null };
    const { deliveryId, transmissionId } = await enqueueTestEvent({ profileId: p.id, pushType: "SessionScheduled", syntheticAttendee: true }, qa);
    expect(await waitForSettled(deliveryId, 5000)).toBe(true);
    await loop;
    const d = await byId(deliveryId);
    expect(d).toMatchObject({ status: "DELIVERED", test: true, transmissionId });
    expect((d.sourcePayload as { attendee: { email: string } }).attendee.email).toMatch(/@relay-test\.example\.com$/);
    const sent = await dcsRequests(emu);
    expect(sent.some((r) => r.body.includes((d.mappedPayload as { _id: string })._id))).toBe(true);
    expect((await listMyTestSends(actors.QA.id)).map((x) => x.id)).toContain(deliveryId);
    expect(await listMyTestSends(actors.OPS.id)).toHaveLength(0);
    await expect(enqueueTestEvent({ profileId: p.id, pushType: "LeadCaptured" }, qa)).rejects.toMatchObject({ code: "invalid" });
    expect(await waitForSettled((await enqueueTestEvent({ profileId: p.id, pushType: "SessionScheduled" }, qa)).deliveryId, 100)).toBe(false);
  });
});
