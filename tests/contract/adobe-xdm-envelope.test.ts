import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAdobeClients, discoverFlowTarget, StreamingClient } from "@/lib/adobe";
import { DEMO_ADOBE, type RunningEmulators } from "@/emulators/index";
import { adobeCreds, allowLoopback, reset, startForTests } from "./helpers";

// XDM-compliant HTTP API dataflows, held to Adobe's documented examples. Placeholders of the docs
// ({TENANT_ID}, {SCHEMA_ID}, {IMS_ORG}, {DATASET_ID}) are replaced by the emulator's demo values;
// everything else is transcribed as published.

let emu: RunningEmulators;
beforeAll(async () => (emu = await startForTests()));
afterAll(() => emu.close());
beforeEach(() => reset(emu.adobeUrl));

const schemaRef = { id: DEMO_ADOBE.schemaId, contentType: "application/vnd.adobe.xed-full+json;version=1" };
const header = (over: Record<string, unknown> = {}) => ({
  schemaRef,
  imsOrgId: DEMO_ADOBE.orgId,
  datasetId: DEMO_ADOBE.datasetId,
  createdAt: 1526283801869,
  ...over,
});
// help/ingestion/tutorials/streaming-multiple-messages.md, "Stream to a dataset": first message of the request.
const docEntity = (id: string, name: string, email: string) => ({
  _id: id,
  timestamp: "2019-02-23T22:07:01Z",
  environment: {
    browserDetails: {
      userAgent: "Mozilla/5.0 (Windows NT 5.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/29.0.1547.57 Safari/537.36 OPR/16.0.1196.62",
      acceptLanguage: "en-US",
      cookiesEnabled: true,
      javaScriptVersion: "1.6",
      javaEnabled: true,
    },
    colorDepth: 32,
    viewportHeight: 799,
    viewportWidth: 414,
  },
  productListItems: [{ SKU: "CC", name, quantity: 30, priceTotal: 7.8 }],
  commerce: { productViews: { value: 1 } },
  _experience: { campaign: { message: { profileSnapshot: { workEmail: { address: email } } } } },
});
const message = (entity: unknown, h = header()) => ({ header: h, body: { xdmMeta: { schemaRef }, xdmEntity: entity } });

async function post(path: string, body: unknown, headers: Record<string, string> = { "x-adobe-flow-id": DEMO_ADOBE.flowId }) {
  const res = await fetch(`${emu.adobeUrl}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}
const batchPath = `/collection/batch/${DEMO_ADOBE.inletId}`;

describe("XDM inlet, /collection/batch (help/ingestion/tutorials/streaming-multiple-messages.md)", () => {
  it("'Stream to a dataset': two enveloped messages → 207 with one xactionId each", async () => {
    const r = await post(batchPath, {
      messages: [
        message(docEntity("9af5adcc-db9c-4692-b826-65d3abe68c22", "Fernie Snow", "gregdorcey@example.com")),
        message(docEntity("7af6adcc-dc9e-4692-b826-55d2abe68c11", "Carmine Santiago", "emilyong@example.com")),
      ],
    });
    expect(r.status).toBe(207);
    // Documented response: {inletId, batchId, receivedTimeMs, responses:[{xactionId}, {xactionId}]}
    expect(Object.keys(r.body).sort()).toEqual(["batchId", "inletId", "receivedTimeMs", "responses"]);
    expect(r.body.inletId).toBe(DEMO_ADOBE.inletId);
    expect(r.body.responses).toHaveLength(2);
    for (const x of r.body.responses) expect(Object.keys(x)).toEqual(["xactionId"]);
  });

  it("'Send request payload with valid and invalid messages': no body, wrong org and xdmSchema headers fail per message", async () => {
    const valid = message(docEntity("9af5adcc-db9c-4692-b826-65d3abe68c22", "Tip Top Collection", "rogerkanagawa@example.com"));
    const noBody = { header: header() };
    const wrongOrg = message(
      docEntity("9af5adcc-db9c-4692-b826-65d3abe68c22", "Carmine Santiago", "mohandeewar@example.com"),
      header({ imsOrgId: "invalidIMSOrg@AdobeOrg" }),
    );
    const legacy = {
      header: {
        msgType: "xdmEntityCreate",
        msgId: "79d2e715-f25f-4c36",
        xdmSchema: { name: "_xdm.context.experienceevent" },
        imsOrgId: DEMO_ADOBE.orgId,
        datasetId: DEMO_ADOBE.datasetId,
        createdAt: 1526283801869,
      },
      body: { xdmMeta: { xdmSchema: { name: "_xdm.context.experienceevent" } }, xdmEntity: { _id: "abc", timestamp: "2018-05-18T15:28:25Z" } },
    };
    const r = await post(batchPath, { messages: [valid, noBody, wrongOrg, legacy] });
    expect(r.status).toBe(207);
    const ids = `inletId: [${DEMO_ADOBE.inletId}] imsOrgId: [${DEMO_ADOBE.orgId}]`;
    // The documented response, message for message.
    expect(r.body.responses[0]).toHaveProperty("xactionId");
    expect(r.body.responses.slice(1)).toEqual([
      { statusCode: 400, message: `${ids} Message has unknown xdm format` },
      { statusCode: 400, message: `${ids} Message has an absent or wrong ims org in the header` },
      { statusCode: 400, message: `${ids} Message has unknown xdm format` },
    ]);
  });

  it("imsOrgId may be absent: DCCS fills it in", async () => {
    const { imsOrgId: _omitted, ...h } = header();
    const r = await post(batchPath, { messages: [message(docEntity("a1", "x", "a@example.com"), h as ReturnType<typeof header>)] });
    expect(r.body.responses[0]).toHaveProperty("xactionId");
  });

  it("'Response codes': 500 when the schema does not match the dataset's XDM definition; the client does not retry it", async () => {
    const other = { ...schemaRef, id: "https://ns.adobe.com/demotenant/schemas/another" };
    const r = await post(batchPath, {
      messages: [{ header: header({ schemaRef: other }), body: { xdmMeta: { schemaRef: other }, xdmEntity: docEntity("b1", "x", "b@example.com") } }],
    });
    expect(r.status).toBe(500);
    const client = new StreamingClient({ allowList: allowLoopback, timeoutMs: 2000 });
    const sent = await client.sendBatch({
      endpointUrl: `${emu.adobeUrl}/collection/${DEMO_ADOBE.inletId}`,
      flowId: DEMO_ADOBE.flowId,
      messages: [{ header: header({ schemaRef: other }), body: { xdmMeta: { schemaRef: other }, xdmEntity: docEntity("b2", "x", "b@example.com") } }],
    });
    expect(sent).toMatchObject({ status: "permanent", reason: "xdm_mismatch", httpStatus: 500 });
  });

  it("'Response codes': 413 when the total payload request is greater than 1MB", async () => {
    const pad = "x".repeat(200_000);
    const messages = Array.from({ length: 6 }, (_, i) => message({ ...docEntity(`c${i}`, pad, "c@example.com") }));
    const r = await post(batchPath, { messages });
    expect(r.status).toBe(413);
  });
});

describe("XDM inlet, single message (help/sources/tutorials/api/create/streaming/http.md)", () => {
  const single = `/collection/${DEMO_ADOBE.inletId}`;

  it("accepts the envelope with header.flowId and answers {inletId, xactionId, receivedTimeMs}", async () => {
    const r = await post(single, message(docEntity("d1", "x", "d@example.com"), header({ flowId: DEMO_ADOBE.flowId })), {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ inletId: DEMO_ADOBE.inletId, xactionId: expect.any(String), receivedTimeMs: expect.any(Number) });
  });

  it("refuses a bare record, a missing flow id and a schemaRef other than the dataset's", async () => {
    expect((await post(single, docEntity("e1", "x", "e@example.com"))).body.report.message).toContain("Message has unknown xdm format");
    expect((await post(single, message(docEntity("e2", "x", "e@example.com")), {})).body.report.message).toContain("flowId is required");
    const other = { ...schemaRef, id: "https://ns.adobe.com/demotenant/schemas/another" };
    const mismatch = await post(single, {
      header: header({ schemaRef: other }),
      body: { xdmMeta: { schemaRef: other }, xdmEntity: docEntity("e3", "x", "e@example.com") },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.report.message).toContain("did not match");
  });
});

describe("dataset and schema discovery through Flow Service", () => {
  it("flow → target connection → Catalog dataset → schemaRef, with the profile's credentials", async () => {
    const adobe = createAdobeClients({ imsUrl: emu.adobeUrl, platformUrl: emu.adobeUrl, allowList: allowLoopback, timeoutMs: 2000 });
    const r = await discoverFlowTarget(adobe.platform(adobeCreds), DEMO_ADOBE.flowId);
    expect(r).toMatchObject({
      ok: true,
      target: {
        flowId: DEMO_ADOBE.flowId,
        datasetId: DEMO_ADOBE.datasetId,
        schemaRef: { id: DEMO_ADOBE.schemaId, contentType: "application/vnd.adobe.xed-full+json;version=1" },
      },
    });
    const unknown = await discoverFlowTarget(adobe.platform(adobeCreds), "00000000-0000-4000-8000-00000000dead");
    expect(unknown).toMatchObject({ ok: false });
  });

  it("Catalog answers keyed by dataset id with schemaRef (help/catalog/api/list-objects.md)", async () => {
    const token = await createAdobeClients({ imsUrl: emu.adobeUrl, platformUrl: emu.adobeUrl, allowList: allowLoopback }).ims.getToken(adobeCreds);
    if (!token.ok) throw new Error("no token");
    const res = await fetch(`${emu.adobeUrl}/data/foundation/catalog/dataSets/${DEMO_ADOBE.datasetId}`, {
      headers: {
        Authorization: `Bearer ${token.accessToken}`,
        "x-api-key": DEMO_ADOBE.clientId,
        "x-gw-ims-org-id": DEMO_ADOBE.orgId,
        "x-sandbox-name": "prod",
      },
    });
    const body = (await res.json()) as Record<string, { schemaRef: { id: string; contentType: string } }>;
    expect(Object.keys(body)).toEqual([DEMO_ADOBE.datasetId]);
    expect(body[DEMO_ADOBE.datasetId]!.schemaRef).toEqual({ id: DEMO_ADOBE.schemaId, contentType: "application/vnd.adobe.xed+json;version=1" });
  });
});

describe("runs (help/sources/tutorials/api/monitor.md)", () => {
  it("durationSummary.startedAtUTC and completedAtUTC are epoch milliseconds", async () => {
    await post(batchPath, { messages: [message(docEntity("f1", "x", "f@example.com"))] });
    const adobe = createAdobeClients({ imsUrl: emu.adobeUrl, platformUrl: emu.adobeUrl, allowList: allowLoopback });
    const token = await adobe.ims.getToken(adobeCreds);
    if (!token.ok) throw new Error("no token");
    const res = await fetch(`${emu.adobeUrl}/data/foundation/flowservice/runs?property=flowId==${DEMO_ADOBE.flowId}`, {
      headers: { Authorization: `Bearer ${token.accessToken}`, "x-api-key": DEMO_ADOBE.clientId, "x-gw-ims-org-id": DEMO_ADOBE.orgId },
    });
    const run = ((await res.json()) as any).items[0];
    expect(typeof run.metrics.durationSummary.startedAtUTC).toBe("number");
    expect(typeof run.metrics.durationSummary.completedAtUTC).toBe("number");
    const runs = await adobe.platform(adobeCreds).listRuns(DEMO_ADOBE.flowId);
    expect(runs.ok && runs.data[0]!.startedAt).toBe(new Date(run.metrics.durationSummary.startedAtUTC).toISOString());
  });
});
