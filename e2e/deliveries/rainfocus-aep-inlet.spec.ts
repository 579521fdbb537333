import { createHash } from "node:crypto";
import { test, expect, ADMIN, ADOBE_EMULATOR_URL, RAINFOCUS_EMULATOR_URL, SEEDED_TOKEN, loginViaApi } from "../fixtures";
import { DEMO_ADOBE, DEMO_RAINFOCUS } from "../../lib/demo-credentials";
import { activeDemoProfile } from "./helpers";

// RainFocus pointed at Relay as it is pointed at AEP: the push simulator posts raw JSON to the
// profile's AEP-compatible inlet URL with the dataflow id, as RainFocus's integration profile does.

const admin = { Authorization: `Bearer ${SEEDED_TOKEN}` };

async function inletUrlFromConsole(page: import("@playwright/test").Page, profileId: string): Promise<string> {
  await page.goto(`/profiles/${profileId}/endpoint`);
  await page.getByRole("button", { name: "Show inlet URL" }).click();
  return (await page.getByTestId("inlet-url").textContent())!.trim();
}

async function deliveredCount(request: import("@playwright/test").APIRequestContext, profileId: string, ids: string[]) {
  const body = await (await request.get(`/api/v1/deliveries?profileId=${profileId}&status=DELIVERED&test=no&limit=200`, { headers: admin })).json();
  return (body.items as { transmissionId: string }[]).filter((d) => ids.includes(d.transmissionId)).length;
}

test("XDM mode: the demo profile's inlet takes RainFocus's pushes; Relay sends XDM envelopes that the XDM dataflow ingests", async ({ page, request }) => {
  const demo = await activeDemoProfile(request);
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  const inlet = await inletUrlFromConsole(page, demo.id);
  expect(inlet).toMatch(/\/api\/v1\/inbound\/collection\/[0-9a-f]{64}$/);
  await expect(page.getByTestId("setup-dataflow-id")).toHaveText(DEMO_ADOBE.flowId);

  const count = 12;
  const pushed = await (
    await request.post(`${RAINFOCUS_EMULATOR_URL}/_emulator/push`, { data: { targetUrl: inlet, flowId: DEMO_ADOBE.flowId, count, startIndex: 61_000 } })
  ).json();
  expect(pushed, JSON.stringify(pushed.results?.slice(0, 2))).toMatchObject({ sent: count, delivered: count, failed: 0 });
  const ids: string[] = pushed.results.map((r: { transmissionId: string }) => r.transmissionId);
  await expect.poll(() => deliveredCount(request, demo.id, ids), { timeout: 30_000 }).toBe(count);

  // At the Adobe emulator: envelopes naming the dataflow's dataset and schema, ingested as success.
  const dcs = (await (await request.get(`${ADOBE_EMULATOR_URL}/_emulator/requests?route=dcs&limit=5000`)).json()).requests as { body: string }[];
  const messages = dcs.flatMap((r) => {
    const b = JSON.parse(r.body);
    return b.messages ?? [b];
  });
  const ours = messages.filter((m) => ids.some((id) => JSON.stringify(m).includes(id)));
  expect(ours.length).toBeGreaterThanOrEqual(count);
  for (const m of ours) expect(m.header).toMatchObject({ schemaRef: { id: DEMO_ADOBE.schemaId }, datasetId: DEMO_ADOBE.datasetId, flowId: DEMO_ADOBE.flowId });

  // AEP's own answers on a mistake: a wrong dataflow id is a 400 problem body and stores nothing.
  const wrong = await request.post(inlet, {
    headers: { "x-adobe-flow-id": "00000000-0000-4000-8000-0000000000ff" },
    data: { transmissionId: "wrong-flow-1", eventType: "SessionScheduled" },
  });
  expect(wrong.status()).toBe(400);
  expect(await wrong.json()).toMatchObject({ status: 400, report: { message: expect.stringContaining("not associated") } });
});

test("RAW mode, configured from the console: RainFocus's payloads reach the raw dataflow unchanged", async ({ page, request }) => {
  test.setTimeout(120_000);
  await loginViaApi(page, ADMIN.email, ADMIN.password);
  const created = await (
    await request.post("/api/v1/profiles", {
      headers: admin,
      data: { name: `Raw source ${Date.now()}`, direction: "SOURCE", eventCode: DEMO_RAINFOCUS.eventCode, rainfocusEnvironment: "dev" },
    })
  ).json();
  const id: string = created.profile.id;
  const patched = await request.patch(`/api/v1/profiles/${id}`, {
    headers: admin,
    data: {
      version: created.profile.version,
      adobe: {
        adobeAuthMethod: "OAUTH_S2S",
        adobeClientId: DEMO_ADOBE.clientId,
        adobeClientSecret: DEMO_ADOBE.clientSecret,
        adobeOrgId: DEMO_ADOBE.orgId,
        tenantId: DEMO_ADOBE.tenantId,
      },
      rainfocus: {
        rainfocusClientId: DEMO_RAINFOCUS.clientId,
        rainfocusSecret: DEMO_RAINFOCUS.clientSecret,
        rainfocusOrgId: DEMO_RAINFOCUS.orgId,
        rainfocusEnvironment: "dev",
      },
      endpoint: { streamingEndpointUrl: `${ADOBE_EMULATOR_URL}/collection/${DEMO_ADOBE.rawInletId}`, dataflowId: DEMO_ADOBE.rawFlowId },
      pushTypes: ["SessionScheduled"],
    },
  });
  expect(patched.status(), await patched.text()).toBe(200);

  // The newcomer picks "AEP maps" on the Endpoint page, as the dataflow is RainFocus's raw one.
  await page.goto(`/profiles/${id}/endpoint`);
  await page.getByRole("radio", { name: /AEP maps/ }).click();
  await expect(page.getByRole("radio", { name: /AEP maps/ })).toBeChecked();
  await page.screenshot({ path: "test-results/endpoint-raw-setup.png", fullPage: true });
  for (const target of ["adobe", "rainfocus"])
    expect((await (await request.post(`/api/v1/profiles/${id}/test-connection`, { headers: admin, data: { target } })).json()).ok).toBe(true);
  // Activation asks for a reviewed, published mapping (it is what the Data Prep export carries in this mode).
  const draft = await (await request.get(`/api/v1/profiles/${id}/mapping`, { headers: admin })).json();
  const pub = await request.post(`/api/v1/profiles/${id}/mapping/publish`, {
    headers: admin,
    data: { revision: draft.revision ?? draft.draft?.revision ?? 0 },
  });
  expect(pub.status(), await pub.text()).toBe(201);
  const activated = await request.post(`/api/v1/profiles/${id}/activate`, { headers: admin });
  expect(activated.status(), await activated.text()).toBe(200);
  // Relay's mapping goes to AEP's Data Prep: published to the raw dataflow from the Endpoint page.
  await page.goto(`/profiles/${id}/endpoint`);
  await page.getByRole("button", { name: "Publish to the dataflow" }).click();
  await expect(page.getByText("is now the dataflow's mapping")).toBeVisible();
  const inlet = await inletUrlFromConsole(page, id);

  const count = 5;
  const pushed = await (
    await request.post(`${RAINFOCUS_EMULATOR_URL}/_emulator/push`, {
      data: { targetUrl: inlet, flowId: DEMO_ADOBE.rawFlowId, flowIdIn: "query", count, startIndex: 62_000 },
    })
  ).json();
  expect(pushed).toMatchObject({ sent: count, delivered: count });
  const ids: string[] = pushed.results.map((r: { transmissionId: string }) => r.transmissionId);
  await expect.poll(() => deliveredCount(request, id, ids), { timeout: 30_000 }).toBe(count);
  const dcs = (await (await request.get(`${ADOBE_EMULATOR_URL}/_emulator/requests?route=dcs.single&limit=5000`)).json()).requests as {
    body: string;
    headers: Record<string, string>;
  }[];
  const ours = dcs.filter((r) => ids.includes(JSON.parse(r.body).transmissionId));
  expect(ours).toHaveLength(count);
  for (const r of ours) {
    expect(r.headers["x-adobe-flow-id"]).toBe(DEMO_ADOBE.rawFlowId);
    expect(JSON.parse(r.body)).toMatchObject({ eventType: "SessionScheduled", attendee: { email: expect.any(String) } });
  }
  // At the emulator, the published mapping set turned each raw body into XDM (default mapping: _id = sha256(transmissionId)).
  const ingested = (await (await request.get(`${ADOBE_EMULATOR_URL}/_emulator/ingested?flowId=${DEMO_ADOBE.rawFlowId}`)).json()).items as {
    outcome: string;
    output?: { _id?: string; eventType?: string };
  }[];
  for (const t of ids) {
    const rec = ingested.find((i) => i.output?._id === createHash("sha256").update(t).digest("hex"));
    expect(rec, t).toMatchObject({ outcome: "success", output: { eventType: "SessionScheduled", timestamp: expect.any(String) } });
  }
});
