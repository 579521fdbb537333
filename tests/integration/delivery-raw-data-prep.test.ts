import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAdobeClients, publishMappingSet } from "@/lib/adobe";
import { createAllowList, DEFAULT_OUTBOUND_HOSTS } from "@/lib/outbound";
import { buildProfileMappingSet } from "@/lib/profiles/data-prep-export";
import { mappingForProfile, prepareMapping } from "@/lib/worker/mapping-for-profile";
import { generatePushEvent, PUSH_TYPE_NAMES } from "@/lib/push-types/catalog";
import { DEMO_ADOBE, demoRawStreamingEndpoint, type RunningEmulators } from "@/emulators/index";
import { createSourceProfile, drain, emulator, postCollection, settleLeftovers, startTestEmulators, testWorker } from "../support/delivery";

// AEP maps (raw dataflow): Relay forwards RainFocus's payloads unchanged, and the mapping set Relay
// exports and publishes (Data Prep POST /mappingSets + Flow Service PATCH /flows/{id}) makes the
// Adobe emulator's Data Prep produce the same XDM as Relay's own preview, for every catalog sample.

let emu: RunningEmulators;
beforeAll(async () => (emu = await startTestEmulators()));
afterAll(() => emu.close());
beforeEach(async () => {
  await settleLeftovers();
  await emulator(emu.adobeUrl, "POST", "reset");
});

describe("raw mode with a published Data Prep mapping set", () => {
  it("every catalog push type lands in the dataset as the XDM Relay's preview shows", { timeout: 60_000 }, async () => {
    const p = await createSourceProfile(emu, {
      mode: "RAW",
      endpoint: demoRawStreamingEndpoint(emu.adobeUrl),
      flowId: DEMO_ADOBE.rawFlowId,
      pushTypes: [...PUSH_TYPE_NAMES],
    });
    await db.integrationProfile.update({ where: { id: p.id }, data: { aepSchemaId: DEMO_ADOBE.schemaId, aepDatasetId: DEMO_ADOBE.datasetId } });

    const built = await buildProfileMappingSet(p.id);
    expect(built.set.outputSchema.schemaRef.id).toBe(DEMO_ADOBE.schemaId);
    const adobe = createAdobeClients({
      imsUrl: emu.adobeUrl,
      platformUrl: emu.adobeUrl,
      allowList: createAllowList({ hosts: DEFAULT_OUTBOUND_HOSTS, allowLoopback: true }),
      timeoutMs: 5000,
    });
    const creds = { authMethod: "OAUTH_S2S" as const, clientId: DEMO_ADOBE.clientId, clientSecret: DEMO_ADOBE.clientSecret, orgId: DEMO_ADOBE.orgId };
    const published = await publishMappingSet(adobe.platform(creds), DEMO_ADOBE.rawFlowId, built.set);
    expect(published).toMatchObject({ ok: true });
    const flow = await adobe.platform(creds).getFlow(DEMO_ADOBE.rawFlowId);
    expect(flow.ok && flow.data.etag).toBeTruthy();

    const events = PUSH_TYPE_NAMES.map((t, i) => generatePushEvent(t, 80_000 + i) as unknown as Record<string, unknown>);
    for (const e of events) expect((await postCollection(p.inletId!, e, { flowId: DEMO_ADOBE.rawFlowId })).status).toBe(200);
    await drain(testWorker(emu));

    const ingested = await emulator<{ items: { outcome: string; output?: { _id: string } }[] }>(emu.adobeUrl, "GET", `ingested?flowId=${DEMO_ADOBE.rawFlowId}`);
    expect(ingested.items).toHaveLength(events.length);
    expect(ingested.items.map((i) => i.outcome)).toEqual(events.map(() => "success"));
    const preview = prepareMapping(mappingForProfile({ direction: "SOURCE", tenantId: DEMO_ADOBE.tenantId }));
    for (const e of events) {
      const mine = preview.map(e);
      if (!mine.ok) throw new Error(mine.error);
      const theirs = ingested.items.find((i) => i.output?._id === mine.output._id);
      expect(theirs?.output, String(e.eventType)).toEqual(mine.output);
    }
  });

  it("without a mapping set the raw dataflow counts bodies as ingested but maps nothing", async () => {
    const p = await createSourceProfile(emu, { mode: "RAW", endpoint: demoRawStreamingEndpoint(emu.adobeUrl), flowId: DEMO_ADOBE.rawFlowId });
    expect((await postCollection(p.inletId!, generatePushEvent("SessionScheduled", 81_000), { flowId: DEMO_ADOBE.rawFlowId })).status).toBe(200);
    await drain(testWorker(emu));
    const ingested = await emulator<{ items: { outcome: string; output?: unknown }[] }>(emu.adobeUrl, "GET", `ingested?flowId=${DEMO_ADOBE.rawFlowId}`);
    expect(ingested.items).toMatchObject([{ outcome: "success" }]);
    expect(ingested.items[0]!.output).toBeUndefined();
  });
});
