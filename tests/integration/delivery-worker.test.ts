import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { DEMO_ADOBE } from "@/lib/demo-credentials";
import { claimDue } from "@/lib/queue/claim";
import {
  createSourceProfile,
  messageIds,
  dcsRequests,
  drain,
  emulator,
  postPush,
  pushEvents,
  startTestEmulators,
  testWorker,
  type TestProfile,
} from "../support/delivery";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("delivery worker: RainFocus → AEP", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  let n = 1000;
  const next = (count = 1, type = "SessionScheduled") => {
    const events = pushEvents(type, n, count);
    n += count;
    return events;
  };
  const push = async (events: unknown[], profile = p) => {
    const r = await postPush(profile.id, events, profile.secret);
    expect(r.status).toBe(202);
    return r.body.deliveryIds as string[];
  };
  const deliveries = (ids: string[]) => db.delivery.findMany({ where: { id: { in: ids } }, include: { attemptLog: { orderBy: { startedAt: "asc" } } } });

  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createSourceProfile(emu);
  });
  beforeEach(async () => {
    await emulator(emu.adobeUrl, "POST", "reset", { seed: 7 });
    // Leave nothing due from an earlier test for the next one's worker.
    await db.delivery.updateMany({ where: { status: { in: ["QUEUED", "RETRYING", "DELIVERING"] } }, data: { status: "FAILED", lastError: "test cleanup" } });
  });
  afterAll(() => emu.close());

  it("delivers a signed push to the inlet and records the attempt", async () => {
    const [e] = next();
    const [id] = await push([e]);
    const w = testWorker(emu);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, DELIVERED: 1 });
    const [d] = await deliveries([id!]);
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, mappingVersion: null, leaseToken: null });
    expect((d!.mappedPayload as { _id: string })._id).toBe(sha(e!.transmissionId as string));
    expect(d!.attemptLog).toHaveLength(1);
    expect(d!.attemptLog[0]).toMatchObject({ number: 1, responseStatus: 200 });
    expect(d!.attemptLog[0]!.requestUrl).toContain("/collection/");
    const got = await dcsRequests(emu);
    expect(got).toHaveLength(1);
    expect(got[0]!.route).toBe("dcs.single");
    // XDM mode (the default): the documented envelope, with the dataset and schema discovered from the dataflow.
    const sent = JSON.parse(got[0]!.body);
    expect(sent.body.xdmEntity._id).toBe(sha(e!.transmissionId as string));
    expect(sent.header).toMatchObject({
      schemaRef: { id: DEMO_ADOBE.schemaId },
      datasetId: DEMO_ADOBE.datasetId,
      flowId: DEMO_ADOBE.flowId,
      imsOrgId: DEMO_ADOBE.orgId,
    });
    expect(sent.body.xdmMeta.schemaRef).toEqual(sent.header.schemaRef);
    expect(got[0]!.headers["x-adobe-flow-id"]).toBeDefined();
    expect(JSON.stringify(d!.attemptLog)).not.toMatch(/Bearer [A-Za-z0-9]/);
  });

  it("batches several due events for one inlet through /collection/batch", async () => {
    const ids = await push(next(7));
    const w = testWorker(emu, { batchMaxMessages: 5 });
    expect(await w.runOnce()).toMatchObject({ claimed: 7, DELIVERED: 7 });
    const got = await dcsRequests(emu);
    expect(got.map((r) => r.route).sort()).toEqual(["dcs.batch", "dcs.batch"]);
    expect(got.map((r) => JSON.parse(r.body).messages.length).sort()).toEqual([2, 5]);
    const rows = await deliveries(ids);
    expect(rows.every((d) => d.status === "DELIVERED" && d.attemptLog.length === 1)).toBe(true);
    expect(rows[0]!.attemptLog[0]!.requestBody).toMatchObject({ batch: { size: expect.any(Number) } });
  });

  it("settles a 207 per message: delivered, refused, retried", async () => {
    await emulator(emu.adobeUrl, "POST", "faults", {
      route: "dcs.batch",
      status: 207,
      times: 1,
      body: {
        inletId: "x",
        batchId: "b1",
        responses: [{ xactionId: "b1:0" }, { statusCode: 400, message: "Message has unknown xdm format" }, { statusCode: 503, message: "try later" }],
      },
    });
    const ids = await push(next(3));
    const w = testWorker(emu);
    expect(await w.runOnce()).toMatchObject({ claimed: 3, DELIVERED: 1, FAILED: 1, RETRYING: 1 });
    await drain(w);
    const rows = await deliveries(ids);
    expect(rows.map((d) => d.status).sort()).toEqual(["DELIVERED", "DELIVERED", "FAILED"]);
    expect(rows.find((d) => d.status === "FAILED")!.lastError).toMatch(/unknown xdm format/);
  });

  it("retries a 503 with backoff, then delivers", async () => {
    await emulator(emu.adobeUrl, "POST", "faults", { route: "dcs.single", status: 503, times: 2 });
    const [id] = await push(next());
    const w = testWorker(emu);
    expect(await w.runOnce()).toMatchObject({ RETRYING: 1 });
    const mid = (await deliveries([id!]))[0]!;
    expect(mid).toMatchObject({ status: "RETRYING", lastStatusCode: 503, leaseUntil: null });
    expect(mid.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(mid.attemptLog[0]!.startedAt.getTime() - 1000);
    await drain(w);
    const d = (await deliveries([id!]))[0]!;
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 3 });
    expect(d.attemptLog.map((a) => a.responseStatus)).toEqual([503, 503, 200]);
    expect(d.attemptLog.map((a) => a.number)).toEqual([1, 2, 3]);
    // Each attempt keeps what it settled the delivery as: the dashboard counts these, not the final status.
    expect(d.attemptLog.map((a) => a.outcome)).toEqual(["RETRYING", "RETRYING", "DELIVERED"]);
  });

  it("honours Retry-After on a 429", async () => {
    await emulator(emu.adobeUrl, "POST", "faults", { route: "dcs.single", status: 429, retryAfter: 30, times: 1 });
    const [id] = await push(next());
    const w = testWorker(emu);
    const before = Date.now();
    await w.runOnce();
    const d = (await deliveries([id!]))[0]!;
    expect(d.status).toBe("RETRYING");
    expect(d.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 29_000);
  });

  it("does not retry a 400: FAILED with the response recorded", async () => {
    await emulator(emu.adobeUrl, "POST", "faults", { route: "dcs.single", status: 400, times: 1 });
    const [id] = await push(next());
    const w = testWorker(emu);
    await drain(w);
    const d = (await deliveries([id!]))[0]!;
    expect(d).toMatchObject({ status: "FAILED", attempts: 1, lastStatusCode: 400 });
    expect(d.attemptLog).toHaveLength(1);
    expect(d.attemptLog[0]!.responseStatus).toBe(400);
    expect(d.attemptLog[0]!.responseBody).toBeTruthy();
  });

  it("goes DEAD when the retry budget is spent", async () => {
    await emulator(emu.adobeUrl, "POST", "faults", { route: "dcs.single", status: 500 });
    const [id] = await push(next());
    const w = testWorker(emu, {}, { DELIVERY_MAX_ATTEMPTS: "3" });
    await drain(w);
    const d = (await deliveries([id!]))[0]!;
    expect(d).toMatchObject({ status: "DEAD", attempts: 3 });
    expect(d.lastError).toMatch(/retry budget spent/);
    expect(d.attemptLog).toHaveLength(3);
    expect(d.attemptLog.map((a) => a.outcome)).toEqual(["RETRYING", "RETRYING", "DEAD"]);
  });

  it("refreshes a rejected token once and delivers (authenticated inlet)", async () => {
    const inletId = "auth-inlet-" + "0".repeat(50);
    await emulator(emu.adobeUrl, "POST", "inlets", {
      inletId,
      flowId: "d3a0f100-0000-4000-8000-000000000001",
      dataType: "raw",
      authenticationRequired: true,
      tenantId: "demotenant",
    });
    const auth = await createSourceProfile(emu, { endpoint: `${emu.adobeUrl}/collection/${inletId}` });
    const w = testWorker(emu);
    await push(next(), auth);
    await drain(w, 100);
    const tokensBefore = (await emulator(emu.adobeUrl, "GET", "stats")) as Record<string, any>;
    await emulator(emu.adobeUrl, "POST", "tokens/expire");
    const [id] = await push(next(), auth);
    await drain(w, 100);
    const d = (await deliveries([id!]))[0]!;
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 1 });
    expect(d.attemptLog.map((a) => [a.number, a.errorClass, a.responseStatus])).toEqual([
      [1, "token_rejected", 403],
      [1, null, 200],
    ]);
    const tokensAfter = (await emulator(emu.adobeUrl, "GET", "stats")) as Record<string, any>;
    expect(JSON.stringify(tokensAfter)).not.toBe(JSON.stringify(tokensBefore));
  });

  it("refreshes once on a gateway-style 401 401013 and retries", async () => {
    await emulator(emu.adobeUrl, "POST", "faults", {
      route: "dcs.single",
      status: 401,
      body: { error_code: "401013", message: "Oauth token is not valid" },
      times: 1,
    });
    const [id] = await push(next());
    const w = testWorker(emu);
    await drain(w, 100);
    const d = (await deliveries([id!]))[0]!;
    expect(d.status).toBe("DELIVERED");
    expect(d.attemptLog.map((a) => a.responseStatus)).toEqual([401, 200]);
  });

  it("holds a paused profile's deliveries until it is resumed", async () => {
    const paused = await createSourceProfile(emu, { status: "PAUSED" });
    const ids = await push(next(2), paused);
    const w = testWorker(emu);
    await drain(w, 100);
    expect((await deliveries(ids)).map((d) => d.status)).toEqual(["QUEUED", "QUEUED"]);
    expect(await dcsRequests(emu)).toHaveLength(0);
    await db.integrationProfile.update({ where: { id: paused.id }, data: { status: "ACTIVE" } });
    await drain(w, 100);
    expect((await deliveries(ids)).map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED"]);
  });

  it("re-claims a dead worker's deliveries once the lease expires, and the late worker cannot overwrite", async () => {
    const [id] = await push(next());
    // A worker claims and then "dies": no settle.
    const lost = await claimDue(db, { limit: 10, leaseMs: 300, token: "dead-worker" });
    expect(lost.map((d) => d.id)).toEqual([id]);
    const w = testWorker(emu);
    expect((await w.runOnce()).claimed).toBe(0); // still leased
    await new Promise((r) => setTimeout(r, 400));
    expect(await w.runOnce()).toMatchObject({ claimed: 1, DELIVERED: 1 });
    const d = (await deliveries([id!]))[0]!;
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 2 });
    // The dead worker wakes up and reports a failure: logged, but the delivery stays DELIVERED.
    const { settle } = await import("@/lib/queue/settle");
    const late = await settle(
      db,
      lost[0]!,
      { kind: "failure", retryable: true, errorClass: "network", error: "late", exchanges: [{ url: "x" }] },
      { policy: { maxAttempts: 8, maxAgeMs: 1e9, baseMs: 1, capMs: 1, factor: 2 }, mappingVersion: null },
    );
    expect(late.owned).toBe(false);
    const after = (await deliveries([id!]))[0]!;
    expect(after.status).toBe("DELIVERED");
    // …and its attempt is on record beside the new owner's, under the number it was made as.
    expect(after.attemptLog.map((a) => a.number).sort()).toEqual([1, 2]);
  });

  it("a slow worker whose lease expired mid-send keeps its attempt on record; the new owner's outcome stands", async () => {
    const [id] = await push(next());
    // The first send takes longer than the lease; the second worker takes the delivery over.
    await emulator(emu.adobeUrl, "POST", "faults", { route: "dcs", latencyMs: 900, status: 503, times: 1 });
    const slow = testWorker(emu, { leaseMs: 300 });
    const fast = testWorker(emu, { leaseMs: 300 });
    const slowRun = slow.runOnce();
    await new Promise((r) => setTimeout(r, 450));
    expect(await fast.runOnce()).toMatchObject({ claimed: 1, DELIVERED: 1 });
    expect(await slowRun).toMatchObject({ claimed: 1, RETRYING: 1 }); // its own view; not applied
    const d = (await deliveries([id!]))[0]!;
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 2, leaseToken: null });
    expect(d.attemptLog.map((a) => [a.number, a.responseStatus]).sort()).toEqual([
      [1, 503],
      [2, 200],
    ]);
    await emulator(emu.adobeUrl, "DELETE", "faults");
  });

  it("two workers on one backlog never claim the same delivery", async () => {
    const ids = [...(await push(next(40))), ...(await push(next(40)))];
    const a = testWorker(emu, { claimBatch: 7, batchMaxMessages: 3 });
    const b = testWorker(emu, { claimBatch: 7, batchMaxMessages: 3 });
    await Promise.all([drain(a, 200), drain(b, 200)]);
    const rows = await deliveries(ids);
    expect(rows.every((d) => d.status === "DELIVERED" && d.attempts === 1 && d.attemptLog.length === 1)).toBe(true);
    const sent = (await dcsRequests(emu)).flatMap(messageIds);
    expect(sent).toHaveLength(80);
    expect(new Set(sent).size).toBe(80);
  });

  it("fails a payload that maps to invalid XDM without sending it", async () => {
    const [e] = next();
    delete (e!.attendee as Record<string, unknown>).email;
    const [id] = await push([e]);
    await drain(testWorker(emu), 100);
    const d = (await deliveries([id!]))[0]!;
    expect(d).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(d.lastError).toMatch(/identityMap/);
    expect(d.attemptLog[0]!.errorClass).toBe("mapping");
    expect(await dcsRequests(emu)).toHaveLength(0);
  });
});
