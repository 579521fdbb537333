import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAdobeClients, type AdobeClients } from "@/lib/adobe";
import { DEMO_ADOBE, type RunningEmulators } from "@/emulators/index";
import { addFault, adobeCreds, allowLoopback, control, reset, startForTests, xdmEvent } from "./helpers";

let emu: RunningEmulators;
let adobe: AdobeClients;

beforeAll(async () => {
  emu = await startForTests();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await reset(emu.adobeUrl);
  adobe = createAdobeClients({ imsUrl: emu.adobeUrl, platformUrl: emu.adobeUrl, allowList: allowLoopback, timeoutMs: 2000 });
});

async function sendMix(good: number, bad: number) {
  const endpointUrl = `${emu.adobeUrl}/collection/${DEMO_ADOBE.rawInletId}`;
  for (let i = 0; i < good; i++) await adobe.streaming.sendSingle({ endpointUrl, flowId: DEMO_ADOBE.rawFlowId, body: xdmEvent(i) });
  // Valid JSON, invalid XDM: accepted 200 asynchronously, then failed in the dataset.
  for (let i = 0; i < bad; i++)
    await adobe.streaming.sendSingle({ endpointUrl, flowId: DEMO_ADOBE.rawFlowId, body: { ...xdmEvent(100 + i), timestamp: "yesterday" } });
}

describe("Flow Service", () => {
  it("reads the dataflow", async () => {
    const r = await adobe.platform(adobeCreds).getFlow(DEMO_ADOBE.rawFlowId);
    expect(r).toMatchObject({ ok: true, data: { id: DEMO_ADOBE.rawFlowId, state: "enabled", flowSpecId: "c1a19761-d2c7-4702-b9fa-fe91f0613e81" } });
    expect(await adobe.platform(adobeCreds).getFlow("missing")).toMatchObject({ ok: false, code: "not_found", status: 404 });
  });

  it("runs count what the inlet really received", async () => {
    await sendMix(3, 2);
    const r = await adobe.platform(adobeCreds).listRuns(DEMO_ADOBE.rawFlowId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toHaveLength(1);
    expect(r.data[0]!.recordSummary).toEqual({ inputRecordCount: 5, outputRecordCount: 3, failedRecordCount: 2 });
    expect(r.data[0]!.statusSummary.status).toBe("failed");
    expect(r.data[0]!.statusSummary.errors[0]!.code).toBe("INGEST-1212-400");
  });

  it("sends the four gateway headers", async () => {
    await adobe.platform(adobeCreds).listRuns(DEMO_ADOBE.rawFlowId);
    const { requests } = await control<{ requests: { headers: Record<string, string> }[] }>(emu.adobeUrl, "GET", "requests?route=flow.runs");
    expect(requests[0]!.headers).toMatchObject({ "x-api-key": adobeCreds.clientId, "x-gw-ims-org-id": adobeCreds.orgId, "x-sandbox-name": "prod" });
    expect(requests[0]!.headers.authorization).toMatch(/^Bearer /);
  });

  it("401 401013 (expired token) refreshes once and succeeds", async () => {
    const platform = adobe.platform(adobeCreds);
    await platform.listRuns(DEMO_ADOBE.rawFlowId);
    await control(emu.adobeUrl, "POST", "tokens/expire");
    const r = await platform.listRuns(DEMO_ADOBE.rawFlowId);
    expect(r).toMatchObject({ ok: true, refreshed: true });
    const s = await control<{ tokenRequests: { oauth: number } }>(emu.adobeUrl, "GET", "stats");
    expect(s.tokenRequests.oauth).toBe(2);
  });

  it("a second 401013 after the refresh is reported, not retried again", async () => {
    await addFault(emu.adobeUrl, { route: "flow.runs", status: 401, times: 5 });
    const r = await adobe.platform(adobeCreds).listRuns(DEMO_ADOBE.rawFlowId);
    expect(r).toMatchObject({ ok: false, code: "bad_credentials", errorCode: "401013", status: 401 });
    const { requests } = await control<{ requests: unknown[] }>(emu.adobeUrl, "GET", "requests?route=flow.runs");
    expect(requests).toHaveLength(2);
  });

  it("a token from another org is refused with 403025", async () => {
    const r = await adobe.platform({ ...adobeCreds, orgId: "OTHER@AdobeOrg" }).listRuns(DEMO_ADOBE.rawFlowId);
    // IMS issues the token for the registered org; the gateway then sees a mismatching org header.
    expect(r).toMatchObject({ ok: false, code: "forbidden", errorCode: "403025" });
  });

  it("5xx and 429 are retryable", async () => {
    await addFault(emu.adobeUrl, { route: "flow.runs", status: 429, retryAfter: 2, times: 1 });
    expect(await adobe.platform(adobeCreds).listRuns(DEMO_ADOBE.rawFlowId)).toMatchObject({
      ok: false,
      code: "rate_limited",
      retryable: true,
      retryAfterMs: 2000,
    });
    await addFault(emu.adobeUrl, { route: "flow", status: 500, times: 1 });
    expect(await adobe.platform(adobeCreds).getFlow(DEMO_ADOBE.rawFlowId)).toMatchObject({ ok: false, code: "unavailable", retryable: true });
  });
});

describe("gateway error codes", () => {
  const runs = () => `${emu.adobeUrl}/data/foundation/flowservice/runs?property=flowId==${DEMO_ADOBE.rawFlowId}`;
  async function token(): Promise<string> {
    const t = await adobe.ims.getToken(adobeCreds);
    if (!t.ok) throw new Error(t.message);
    return t.accessToken;
  }
  async function call(headers: Record<string, string>) {
    const res = await fetch(runs(), { headers });
    return { status: res.status, body: (await res.json()) as { error_code?: string; message?: string } };
  }

  it.each([
    ["token missing", {}, 401, "403010"],
    ["api key missing", { auth: true }, 403, "403000"],
    ["api key invalid", { auth: true, apiKey: "nope" }, 403, "403003"],
    ["org missing", { auth: true, apiKey: DEMO_ADOBE.clientId }, 400, "400003"],
    ["token invalid", { auth: "garbage", apiKey: DEMO_ADOBE.clientId, org: DEMO_ADOBE.orgId }, 401, "401013"],
  ] as const)("%s → %i %s", async (_name, h, status, code) => {
    const headers: Record<string, string> = {};
    if ("auth" in h) headers.Authorization = `Bearer ${h.auth === true ? await token() : h.auth}`;
    if ("apiKey" in h) headers["x-api-key"] = h.apiKey;
    if ("org" in h) headers["x-gw-ims-org-id"] = h.org;
    expect(await call(headers)).toMatchObject({ status, body: { error_code: code } });
  });
});

describe("Observability Insights V2 (help/observability/api/metrics.md)", () => {
  it("POST /metrics for the inlet's dataset reflects received, successful and failed messages", async () => {
    await sendMix(4, 1);
    const now = Date.now();
    const r = await adobe.platform(adobeCreds).getMetrics({ datasetId: DEMO_ADOBE.datasetId, from: new Date(now - 3_600_000), to: new Date(now + 60_000) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sum = (name: string) => r.data.reduce((n, p) => n + (p.metrics[name] ?? 0), 0);
    expect(sum("timeseries.data.collection.inlet.total.messages.received")).toBe(5);
    expect(sum("timeseries.data.collection.inlet.success")).toBe(4);
    expect(sum("timeseries.data.collection.inlet.failure")).toBe(1);
    expect(sum("timeseries.ingestion.dataset.recordsuccess.count")).toBe(4);
    const other = await adobe.platform(adobeCreds).getMetrics({ datasetId: "another-dataset", from: new Date(now - 3_600_000), to: new Date(now + 60_000) });
    expect(other.ok && other.data).toEqual([]);
  });

  it("answers the documented request in the documented shape, and refuses start after end with INSGHT-1000-400", async () => {
    await sendMix(2, 0);
    const token = await adobe.ims.getToken(adobeCreds);
    if (!token.ok) throw new Error("no token");
    const headers = {
      Authorization: `Bearer ${token.accessToken}`,
      "x-api-key": DEMO_ADOBE.clientId,
      "x-gw-ims-org-id": DEMO_ADOBE.orgId,
      "x-sandbox-name": "prod",
      "Content-Type": "application/json",
    };
    const day = new Date().toISOString().slice(0, 10);
    // The request of "Retrieve observability metrics", dataset ids replaced by the demo dataset and one unknown id.
    const request = {
      start: `${day}T00:00:00.000Z`,
      end: new Date(Date.now() + 60_000).toISOString(),
      granularity: "day",
      metrics: [
        {
          name: "timeseries.ingestion.dataset.recordsuccess.count",
          filters: [{ name: "dataSetId", value: `${DEMO_ADOBE.datasetId}|5eddb21420f516191b7a8dad`, groupBy: true }],
          aggregator: "sum",
          downsample: "sum",
        },
        {
          name: "timeseries.ingestion.dataset.dailysize",
          filters: [{ name: "dataSetId", value: DEMO_ADOBE.datasetId, groupBy: false }],
          aggregator: "sum",
          downsample: "sum",
        },
      ],
    };
    const url = `${emu.adobeUrl}/data/infrastructure/observability/insights/metrics`;
    const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(request) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      metricResponses: {
        metric: string;
        filters: unknown[];
        datapoints: { groupBy: Record<string, string>; dps: Record<string, number> }[];
        granularity: string;
      }[];
    };
    expect(body.metricResponses.map((m) => [m.metric, m.granularity])).toEqual([
      ["timeseries.ingestion.dataset.recordsuccess.count", "DAY"],
      ["timeseries.ingestion.dataset.dailysize", "DAY"],
    ]);
    expect(body.metricResponses[0]!.datapoints.map((d) => d.groupBy)).toEqual([{ dataSetId: DEMO_ADOBE.datasetId }, { dataSetId: "5eddb21420f516191b7a8dad" }]);
    expect(Object.values(body.metricResponses[0]!.datapoints[0]!.dps)).toEqual([2]);
    expect(Object.keys(body.metricResponses[0]!.datapoints[0]!.dps)[0]).toBe(`${day}T00:00:00Z`);
    expect(body.metricResponses[1]!.datapoints[0]!.groupBy).toEqual({});
    const bad = await fetch(url, { method: "POST", headers, body: JSON.stringify({ ...request, start: request.end, end: request.start }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      type: "http://ns.adobe.com/aep/errors/INSGHT-1000-400",
      title: "Bad Request - Start date cannot be after end date.",
      status: 400,
    });
  });
});
