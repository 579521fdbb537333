import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { enqueueTestEvent, TestEventError, waitForSettled } from "@/lib/delivery/test-events";
import { generatePushEvent } from "@/lib/push-types/catalog";
import { createDestinationProfile, createSourceProfile, dcsRequests, emulator, postPush, pushEvents, settleLeftovers, startTestEmulators, testWorker } from "../support/delivery";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const sample = (i: number) => generatePushEvent("SessionScheduled", i) as unknown as Record<string, unknown>;

describe("QA test events", () => {
  let emu: RunningEmulators;

  beforeAll(async () => {
    emu = await startTestEmulators();
    await settleLeftovers();
  });
  afterAll(() => emu.close());

  /** Runs a worker while `fn` waits for the delivery, as the API route will wait for a real one. */
  async function withWorker<T>(fn: () => Promise<T>): Promise<T> {
    const w = testWorker(emu, { pollMs: 20 });
    w.start();
    try {
      return await fn();
    } finally {
      await w.stop();
    }
  }

  it("delivers a test event of a READY profile, flagged test, with who sent it", async () => {
    await emulator(emu.adobeUrl, "POST", "reset", { seed: 7 });
    const p = await createSourceProfile(emu, { status: "READY" });
    const payload = sample(70_001);
    const { deliveryId } = await enqueueTestEvent({ profileId: p.id, pushType: "SessionScheduled", payload, actorId: "user_qa_1" });
    const r = await withWorker(() => waitForSettled(deliveryId, 10_000));
    expect(r.settled).toBe(true);
    expect(r.delivery).toMatchObject({ id: deliveryId, status: "DELIVERED", attempts: 1, lastStatusCode: 200, note: "Test event sent by user user_qa_1." });
    const row = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(row).toMatchObject({ test: true, pushType: "SessionScheduled", sourcePayload: payload });
    expect((await dcsRequests(emu)).map((q) => JSON.parse(q.body)._id)).toEqual([sha(payload.transmissionId as string)]);
    // A READY profile's inbound endpoint still refuses real events.
    expect((await postPush(p.id, [payload], p.secret)).status).toBe(409);
  });

  it("delivers a PAUSED profile's test event while its real events stay held", async () => {
    const p = await createSourceProfile(emu, { status: "PAUSED" });
    const held = (await postPush(p.id, pushEvents("SessionScheduled", 70_100, 2), p.secret)).body.deliveryIds as string[];
    const { deliveryId } = await enqueueTestEvent({ profileId: p.id, pushType: "SessionScheduled", payload: sample(70_200), actorId: "u" });
    expect((await withWorker(() => waitForSettled(deliveryId, 10_000))).delivery?.status).toBe("DELIVERED");
    expect((await db.delivery.findMany({ where: { id: { in: held } } })).map((d) => d.status)).toEqual(["QUEUED", "QUEUED"]);
  });

  it("sends the same sample twice as two deliveries", async () => {
    const p = await createSourceProfile(emu);
    const payload = sample(70_300);
    const a = await enqueueTestEvent({ profileId: p.id, pushType: "SessionScheduled", payload, actorId: "u" });
    const b = await enqueueTestEvent({ profileId: p.id, pushType: "SessionScheduled", payload, actorId: "u" });
    expect(a.deliveryId).not.toBe(b.deliveryId);
    await withWorker(() => Promise.all([waitForSettled(a.deliveryId, 10_000), waitForSettled(b.deliveryId, 10_000)]));
  });

  it("upserts a destination test profile into RainFocus", async () => {
    await emulator(emu.rainfocusUrl, "POST", "reset", { seed: 7 });
    const p = await createDestinationProfile({ status: "PAUSED" });
    const payload = { identityMap: {}, attributes: { email: "qa-test@example.com", firstName: { value: "Q" }, lastName: "A" }, segmentMembership: { ups: { s: { status: "realized" } } } };
    const { deliveryId } = await enqueueTestEvent({ profileId: p.id, pushType: null, payload, actorId: "u" });
    const r = await withWorker(() => waitForSettled(deliveryId, 10_000));
    expect(r.delivery).toMatchObject({ status: "DELIVERED", lastStatusCode: 200 });
    const stores = await emulator<{ stores: { attendees: { email: string }[] }[] }>(emu.rainfocusUrl, "GET", "attendees?event=demo2026");
    expect(stores.stores.flatMap((s) => s.attendees).map((a) => a.email)).toContain("qa-test@example.com");
  });

  it("refuses what inbound would refuse, and DRAFT profiles, with typed errors", async () => {
    const p = await createSourceProfile(emu, { pushTypes: ["SessionScheduled"] });
    const draft = await createSourceProfile(emu, { status: "DRAFT" });
    const refusal = (input: Parameters<typeof enqueueTestEvent>[0]) =>
      enqueueTestEvent(input).then(
        () => null,
        (e: unknown) => (e instanceof TestEventError ? { code: e.code, status: e.status, message: e.message } : Promise.reject(e)),
      );
    const base = { profileId: p.id, pushType: "SessionScheduled", payload: sample(70_400), actorId: "u" };
    expect(await refusal({ ...base, profileId: "nope" })).toMatchObject({ code: "not_found", status: 404 });
    expect(await refusal({ ...base, profileId: draft.id })).toMatchObject({ code: "profile_inactive", status: 409 });
    expect(await refusal({ ...base, pushType: "AttendeeRegistered" })).toMatchObject({ code: "push_type_disabled", status: 422, message: expect.stringMatching(/not enabled/) });
    expect(await refusal({ ...base, payload: [base.payload] })).toMatchObject({ code: "invalid_payload", status: 400 });
    expect(await refusal({ ...base, payload: { ...base.payload, eventType: "AttendeeRegistered" } })).toMatchObject({ code: "invalid_payload" });
    expect(await refusal({ ...base, payload: { ...base.payload, blob: "x".repeat(1024 * 1024) } })).toMatchObject({ code: "payload_too_large", status: 413 });
    await db.integrationProfile.update({ where: { id: p.id }, data: { deletedAt: new Date() } });
    expect(await refusal(base)).toMatchObject({ code: "profile_deleted" });
  });

  it("waitForSettled answers the current state when the time is up", async () => {
    const p = await createSourceProfile(emu);
    const { deliveryId } = await enqueueTestEvent({ profileId: p.id, pushType: "SessionScheduled", payload: sample(70_500), actorId: "u" });
    const t0 = Date.now();
    const r = await waitForSettled(deliveryId, 300); // no worker running
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(r).toMatchObject({ settled: false, delivery: { status: "QUEUED", attempts: 0 } });
    expect(await waitForSettled("missing", 100)).toEqual({ settled: false, delivery: null });
    await settleLeftovers();
  });
});
