import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_ADOBE, demoRawStreamingEndpoint, type RunningEmulators } from "@/emulators/index";
import { createSourceProfile, dcsRequests, emulator, postPush, pushEvents, settleLeftovers, startTestEmulators, testWorker } from "../support/delivery";

// The two delivery modes of a SOURCE profile against the Adobe emulator's two demo dataflows.

let emu: RunningEmulators;
beforeAll(async () => (emu = await startTestEmulators()));
afterAll(() => emu.close());
beforeEach(async () => {
  await settleLeftovers();
  await emulator(emu.adobeUrl, "POST", "reset");
});

describe("XDM mode", () => {
  it("discovers the dataset and schema through Flow Service, stores them, and sends envelopes in batches", async () => {
    const p = await createSourceProfile(emu);
    const events = pushEvents("SessionScheduled", 9000, 3);
    expect((await postPush(p.id, events, p.secret)).status).toBe(202);
    expect(await testWorker(emu).runOnce()).toMatchObject({ claimed: 3, DELIVERED: 3 });
    const row = await db.integrationProfile.findUniqueOrThrow({ where: { id: p.id } });
    expect(row).toMatchObject({ aepDatasetId: DEMO_ADOBE.datasetId, aepSchemaId: DEMO_ADOBE.schemaId });
    const [req] = await dcsRequests(emu);
    expect(req!.route).toBe("dcs.batch");
    const body = JSON.parse(req!.body);
    expect(body.messages).toHaveLength(3);
    for (const m of body.messages)
      expect(m.header).toMatchObject({ schemaRef: { id: DEMO_ADOBE.schemaId }, datasetId: DEMO_ADOBE.datasetId, flowId: DEMO_ADOBE.flowId });
    const ingested = await emulator<{ items: { outcome: string }[] }>(emu.adobeUrl, "GET", `ingested?flowId=${DEMO_ADOBE.flowId}`);
    expect(ingested.items.map((i) => i.outcome)).toEqual(["success", "success", "success"]);
  });

  it("a stale stored schema gets a batch 500 and the deliveries FAIL without retrying (not transient)", async () => {
    const p = await createSourceProfile(emu);
    await db.integrationProfile.update({
      where: { id: p.id },
      data: { aepDatasetId: DEMO_ADOBE.datasetId, aepSchemaId: "https://ns.adobe.com/demotenant/schemas/old" },
    });
    await postPush(p.id, pushEvents("SessionScheduled", 9100, 2), p.secret);
    expect(await testWorker(emu).runOnce()).toMatchObject({ claimed: 2, FAILED: 2 });
    const d = await db.delivery.findFirstOrThrow({ where: { profileId: p.id } });
    expect(d).toMatchObject({ attempts: 1, lastStatusCode: 500 });
    expect(d.lastError).toMatch(/did not match the dataset's XDM schema/);
  });

  it("without Adobe credentials the target cannot be discovered: a clear configuration failure", async () => {
    const p = await createSourceProfile(emu, { adobe: false });
    await postPush(p.id, pushEvents("SessionScheduled", 9200, 1), p.secret);
    expect(await testWorker(emu).runOnce()).toMatchObject({ FAILED: 1 });
    const d = await db.delivery.findFirstOrThrow({ where: { profileId: p.id } });
    expect(d.lastError).toMatch(/switch the profile to raw mode/);
    expect(await dcsRequests(emu)).toHaveLength(0);
  });
});

describe("RAW mode", () => {
  it("forwards each RainFocus payload unchanged, one /collection request each, with the flow id", async () => {
    const p = await createSourceProfile(emu, { mode: "RAW", endpoint: demoRawStreamingEndpoint(emu.adobeUrl), flowId: DEMO_ADOBE.rawFlowId });
    const events = pushEvents("SessionScheduled", 9300, 2);
    await postPush(p.id, events, p.secret);
    expect(await testWorker(emu).runOnce()).toMatchObject({ claimed: 2, DELIVERED: 2 });
    const reqs = await dcsRequests(emu);
    expect(reqs.map((r) => r.route)).toEqual(["dcs.single", "dcs.single"]);
    expect(reqs.map((r) => JSON.parse(r.body)).sort((a, b) => a.transmissionId.localeCompare(b.transmissionId))).toEqual(
      [...events].sort((a, b) => String(a.transmissionId).localeCompare(String(b.transmissionId))),
    );
    for (const r of reqs) expect(r.headers["x-adobe-flow-id"]).toBe(DEMO_ADOBE.rawFlowId);
  });
});
