import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAdobeClients, StreamingClient } from "@/lib/adobe";
import { DEMO_ADOBE, type RunningEmulators } from "@/emulators/index";
import { addFault, adobeCreds, allowLoopback, control, received, reset, startForTests, strictList, xdmEnvelope, xdmEvent } from "./helpers";

let emu: RunningEmulators;
let streaming: StreamingClient;
let endpoint: string;
const flowId = DEMO_ADOBE.rawFlowId;

beforeAll(async () => {
  emu = await startForTests();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await reset(emu.adobeUrl);
  streaming = new StreamingClient({ allowList: allowLoopback, timeoutMs: 2000 });
  endpoint = `${emu.adobeUrl}/collection/${DEMO_ADOBE.rawInletId}`;
});

describe("single message", () => {
  it("delivers with x-adobe-flow-id and records the exact request", async () => {
    const r = await streaming.sendSingle({ endpointUrl: endpoint, flowId, body: xdmEvent(1) });
    expect(r).toMatchObject({ status: "delivered", httpStatus: 200, syncValidation: { skipped: true } });
    if (r.status !== "delivered") return;
    expect(r.xactionId).toMatch(/^\d+:\d+:\d+$/);
    expect(r.exchange.request.headers["x-adobe-flow-id"]).toBe(flowId);
    expect(JSON.parse(r.exchange.request.body!)).toEqual(xdmEvent(1));
    const [req] = await received(emu.adobeUrl, "dcs.single");
    expect(req!.headers["x-adobe-flow-id"]).toBe(flowId);
  });

  it("accepts the flow id as a query parameter; refuses a raw message without one", async () => {
    const q = await fetch(`${endpoint}?x-adobe-flow-id=${flowId}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(q.status).toBe(200);
    const none = await fetch(endpoint, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(none.status).toBe(400);
    const wrong = await streaming.sendSingle({ endpointUrl: endpoint, flowId: "other-flow", body: {} });
    expect(wrong).toMatchObject({ status: "permanent", httpStatus: 400 });
  });

  it("sync validation: pass, 400 with at most 5 violations, 501 outside VA7, 429 past the per-minute limit", async () => {
    const pass = await streaming.sendSingle({ endpointUrl: endpoint, flowId, body: xdmEvent(2), syncValidation: true });
    expect(pass).toMatchObject({ status: "delivered", syncValidation: { status: "pass" } });

    const invalid = { ...xdmEvent(3), _id: 5, timestamp: "2999-01-01T00:00:00Z", a: 1, b: 2, c: 3, d: 4 };
    const fail = await streaming.sendSingle({ endpointUrl: endpoint, flowId, body: invalid, syncValidation: true });
    expect(fail).toMatchObject({ status: "permanent", httpStatus: 400 });
    if (fail.status !== "permanent") return;
    expect(fail.violations!.length).toBe(5);
    expect(fail.violations!.some((v) => v.pointerToViolation === "#/_id" && v.keyword === "type")).toBe(true);

    await control(emu.adobeUrl, "POST", "inlets", { inletId: "eu-inlet", flowId: "eu-flow", region: "nld2" });
    const eu = await streaming.sendSingle({ endpointUrl: `${emu.adobeUrl}/collection/eu-inlet`, flowId: "eu-flow", body: xdmEvent(4), syncValidation: true });
    expect(eu).toMatchObject({ status: "permanent", httpStatus: 501 });

    await control(emu.adobeUrl, "POST", "config", { syncValidationPerMinute: 3 });
    const more = [];
    for (let i = 0; i < 2; i++) more.push(await streaming.sendSingle({ endpointUrl: endpoint, flowId, body: xdmEvent(10 + i), syncValidation: true }));
    expect(more.map((m) => m.status)).toEqual(["delivered", "retryable"]);
    expect(more[1]).toMatchObject({ httpStatus: 429 });
    expect((more[1] as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it("over 1 MB: refused locally without a request, and 413 from the inlet", async () => {
    const big = { blob: "x".repeat(1024 * 1024) };
    expect(await streaming.sendSingle({ endpointUrl: endpoint, flowId, body: big })).toMatchObject({ status: "permanent", reason: "payload_too_large" });
    expect(await received(emu.adobeUrl)).toHaveLength(0);
    const lax = new StreamingClient({ allowList: allowLoopback, maxBodyBytes: 4 * 1024 * 1024 });
    expect(await lax.sendSingle({ endpointUrl: endpoint, flowId, body: big })).toMatchObject({ status: "permanent", httpStatus: 413 });
  });

  it("classifies 429 (seconds and HTTP date), 500, 503 as retryable and 400 as permanent", async () => {
    await addFault(emu.adobeUrl, { route: "dcs.single", status: 429, retryAfter: 3, times: 1 });
    const date = new Date(Date.now() + 60_000).toUTCString();
    await addFault(emu.adobeUrl, { route: "dcs.single", status: 429, retryAfter: date, times: 1 });
    await addFault(emu.adobeUrl, { route: "dcs.single", status: 500, times: 1 });
    await addFault(emu.adobeUrl, { route: "dcs.single", status: 503, times: 1 });
    await addFault(emu.adobeUrl, { route: "dcs.single", status: 400, times: 1 });
    const send = () => streaming.sendSingle({ endpointUrl: endpoint, flowId, body: xdmEvent(1) });
    const [a, b, c, d, e] = [await send(), await send(), await send(), await send(), await send()];
    expect(a).toMatchObject({ status: "retryable", httpStatus: 429, retryAfterMs: 3000 });
    expect(b.status).toBe("retryable");
    expect((b as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(50_000);
    expect(c).toMatchObject({ status: "retryable", httpStatus: 500 });
    expect(d).toMatchObject({ status: "retryable", httpStatus: 503 });
    expect(e).toMatchObject({ status: "permanent", httpStatus: 400 });
    expect((await send()).status).toBe("delivered");
  });

  it("a hanging inlet is a retryable timeout", async () => {
    await addFault(emu.adobeUrl, { route: "dcs.single", hang: true, times: 1 });
    const quick = new StreamingClient({ allowList: allowLoopback, timeoutMs: 300 });
    expect(await quick.sendSingle({ endpointUrl: endpoint, flowId, body: xdmEvent(1) })).toMatchObject({ status: "retryable", reason: "timeout" });
  });

  it("refuses non-allow-listed endpoints and redirects before delivering anything", async () => {
    expect(await streaming.sendSingle({ endpointUrl: "https://dcs.evil.example.com/collection/x", flowId, body: {} })).toMatchObject({
      status: "permanent",
      reason: "not_allowed",
    });
    expect(await streaming.sendSingle({ endpointUrl: "http://10.0.0.8/collection/x", flowId, body: {} })).toMatchObject({
      status: "permanent",
      reason: "not_allowed",
    });
    const strict = new StreamingClient({ allowList: strictList });
    expect(await strict.sendSingle({ endpointUrl: endpoint, flowId, body: {} })).toMatchObject({ status: "permanent", reason: "not_allowed" });
    expect(await received(emu.adobeUrl)).toHaveLength(0);
    await addFault(emu.adobeUrl, { route: "dcs.single", status: 307, headers: { Location: "http://127.0.0.1:1/" }, times: 1 });
    expect(await streaming.sendSingle({ endpointUrl: endpoint, flowId, body: {} })).toMatchObject({ status: "permanent", reason: "redirect" });
  });
});

describe("authenticated inlets", () => {
  beforeEach(() => control(emu.adobeUrl, "POST", "inlets", { inletId: "auth-inlet", flowId: "auth-flow", authenticationRequired: true }));

  it("401 without a token, 403 with an expired one; one refresh then delivered", async () => {
    const url = `${emu.adobeUrl}/collection/auth-inlet`;
    const none = await streaming.sendSingle({ endpointUrl: url, flowId: "auth-flow", body: xdmEvent(1) });
    expect(none).toMatchObject({ status: "permanent", httpStatus: 401 });
    expect(JSON.parse(none.exchange.response!.body)).toMatchObject({ status: "401", title: "Authorization" });

    const adobe = createAdobeClients({ imsUrl: emu.adobeUrl, platformUrl: emu.adobeUrl, allowList: allowLoopback, timeoutMs: 2000 });
    const first = await adobe.sendAuthenticated(adobeCreds, { endpointUrl: url, flowId: "auth-flow", body: xdmEvent(1) });
    expect(first).toMatchObject({ ok: true, refreshed: false, result: { status: "delivered" } });
    if (first.ok) expect(first.result.exchange.request.headers.Authorization).toBe("Bearer [REDACTED]");

    await control(emu.adobeUrl, "POST", "tokens/expire");
    const second = await adobe.sendAuthenticated(adobeCreds, { endpointUrl: url, flowId: "auth-flow", body: xdmEvent(2) });
    expect(second).toMatchObject({ ok: true, refreshed: true, result: { status: "delivered" }, firstAttempt: { httpStatus: 403, tokenRejected: true } });
    const s = await control<{ tokenRequests: { oauth: number } }>(emu.adobeUrl, "GET", "stats");
    expect(s.tokenRequests.oauth).toBe(2);
  });
});

describe("batch", () => {
  beforeEach(() => control(emu.adobeUrl, "POST", "inlets", { inletId: "xdm-inlet", flowId: "xdm-flow", dataType: "xdm" }));

  it("posts to /collection/batch/{inletId} and parses the 207 per-message results", async () => {
    const messages = [xdmEnvelope(xdmEvent(1)), { not: "an envelope" }, xdmEnvelope(xdmEvent(3), "OTHER@AdobeOrg")];
    const r = await streaming.sendBatch({ endpointUrl: `${emu.adobeUrl}/collection/xdm-inlet`, flowId: "xdm-flow", messages });
    expect(r).toMatchObject({ status: "completed", httpStatus: 207 });
    if (r.status !== "completed") return;
    expect(r.exchange.request.url).toBe(`${emu.adobeUrl}/collection/batch/xdm-inlet`);
    expect(r.messages[0]).toMatchObject({ index: 0, ok: true });
    expect(r.messages[1]).toMatchObject({ index: 1, ok: false, statusCode: 400, retryable: false });
    expect((r.messages[1] as { message: string }).message).toContain("Message has unknown xdm format");
    expect((r.messages[2] as { message: string }).message).toContain("absent or wrong ims org");
  });

  it("sends byte for byte the same body when given each message's JSON (the worker's path)", async () => {
    const messages = [xdmEnvelope(xdmEvent(1)), xdmEnvelope(xdmEvent(2))];
    const r = await streaming.sendBatch({
      endpointUrl: `${emu.adobeUrl}/collection/xdm-inlet`,
      flowId: "xdm-flow",
      messages,
      messagesJson: messages.map((m) => JSON.stringify(m)),
    });
    expect(r).toMatchObject({ status: "completed", httpStatus: 207 });
    const seen = await control<{ requests: { route: string; body: string }[] }>(emu.adobeUrl, "GET", "requests?route=dcs.batch");
    expect(seen.requests.at(-1)?.body).toBe(JSON.stringify({ messages }));
  });

  it("a whole-batch 503 is retryable", async () => {
    await addFault(emu.adobeUrl, { route: "dcs.batch", status: 503, times: 1 });
    const r = await streaming.sendBatch({ endpointUrl: `${emu.adobeUrl}/collection/xdm-inlet`, flowId: "xdm-flow", messages: [xdmEnvelope(xdmEvent(1))] });
    expect(r).toMatchObject({ status: "retryable", httpStatus: 503 });
  });
});
