import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_ADOBE, DEMO_RAINFOCUS, type RunningEmulators } from "@/emulators/index";
import { flushTracing, shutdownTracing, startTracing } from "@/lib/telemetry";
import {
  createDestinationProfile,
  createSourceProfile,
  dcsRequests,
  drain,
  emulator,
  postAep,
  postPush,
  pushEvents,
  settleLeftovers,
  startTestEmulators,
  testWorker,
  type TestProfile,
} from "../support/delivery";

// OpenTelemetry (issue 9): with an OTLP endpoint the inbound routes export a relay.inbound span
// (request id, profile, event count, answer) and store its traceparent on the deliveries; the
// worker exports a relay.deliver span per profile batch that links to those inbound spans. A tiny
// OTLP/HTTP collector on a free port receives what @opentelemetry/exporter-trace-otlp-http sends
// (JSON, hex ids).

type OtlpValue = { stringValue?: string; intValue?: number | string; boolValue?: boolean; doubleValue?: number };
type OtlpAttr = { key: string; value: OtlpValue };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: OtlpAttr[];
  links?: { traceId: string; spanId: string; attributes?: OtlpAttr[] }[];
  status?: { code?: number; message?: string };
};
type Exported = { resourceSpans: { resource: { attributes: OtlpAttr[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };

const plain = (v: OtlpValue) => v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : (v.boolValue ?? v.doubleValue));
const attrs = (list: OtlpAttr[] = []) => Object.fromEntries(list.map((a) => [a.key, plain(a.value)]));

describe("OpenTelemetry tracing from inbound to worker", () => {
  let collector: Server;
  const bodies: string[] = [];
  let emu: RunningEmulators;
  let source: TestProfile;
  let destination: TestProfile;

  const spans = () =>
    bodies.flatMap((b) =>
      (JSON.parse(b) as Exported).resourceSpans.flatMap((rs) =>
        rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => ({ ...s, service: attrs(rs.resource.attributes)["service.name"], attrs: attrs(s.attributes) }))),
      ),
    );

  beforeAll(async () => {
    collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.method === "POST" && req.url === "/v1/traces") {
          expect(req.headers["content-type"]).toBe("application/json");
          bodies.push(Buffer.concat(chunks).toString("utf8"));
        }
        res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
    const started = await startTracing("relay-web", { url: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces` });
    expect(started).toBe(true);
    emu = await startTestEmulators();
    source = await createSourceProfile(emu);
    destination = await createDestinationProfile();
    await settleLeftovers();
  });
  afterAll(async () => {
    await shutdownTracing();
    await emu?.close();
    await new Promise((resolve) => collector?.close(resolve));
  });

  it("links the worker's relay.deliver span to the inbound spans of the requests it delivered", async () => {
    // Two requests (2 + 1 events) delivered in one batch: one span link per request.
    const first = await postPush(source.id, pushEvents("SessionScheduled", 72_000, 2), source.secret);
    const second = await postPush(source.id, pushEvents("SessionScheduled", 72_002, 1), source.secret, undefined, { "X-Request-Id": "rf-trace-ops-0002" });
    expect([first.status, second.status]).toEqual([202, 202]);
    const refused = await postPush(source.id, pushEvents("SessionScheduled", 72_003, 1), "rfin_wrong-secret");
    expect(refused.status).toBe(401);
    const aep = await postAep(
      destination.id,
      { profiles: [{ identityMap: { email_lc_sha256: [{ id: "ab".repeat(32) }] }, attributes: { email: "trace@example.com", firstName: { value: "Tia" } } }] },
      destination.secret,
    );
    expect(aep.status).toBe(202);

    await drain(testWorker(emu), 200);
    await flushTracing();

    const ids = [...first.body.deliveryIds, ...second.body.deliveryIds] as string[];
    const rows = await db.delivery.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, requestId: true, traceParent: true } });
    expect(rows.map((r) => r.status)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED"]);

    const all = spans();
    const inbound = all.filter((s) => s.name === "relay.inbound");
    const spanOf = (requestId: string) => inbound.find((s) => s.attrs["relay.request_id"] === requestId)!;
    for (const [res, events] of [
      [first, 2],
      [second, 1],
    ] as const) {
      const requestId = res.headers.get("x-request-id")!;
      const span = spanOf(requestId);
      expect(span).toBeDefined();
      expect(span.service).toBe("relay-web");
      expect(span.attrs).toMatchObject({
        "relay.request_id": requestId,
        "relay.profile_id": source.id,
        "relay.endpoint": "rainfocus",
        "relay.events": events,
        "relay.accepted": events,
        "http.response.status_code": 202,
      });
      // Each delivery row stores the request id and the traceparent of that request's span.
      for (const row of rows.filter((r) => (res.body.deliveryIds as string[]).includes(r.id))) {
        expect(row.requestId).toBe(requestId);
        expect(row.traceParent).toBe(`00-${span.traceId}-${span.spanId}-01`);
      }
    }
    expect(spanOf("rf-trace-ops-0002")).toBeDefined();
    expect(inbound.find((s) => s.attrs["http.response.status_code"] === 401)?.attrs).toMatchObject({
      "relay.error_code": "bad_signature",
      "relay.profile_id": source.id,
    });

    const deliver = all.filter((s) => s.name === "relay.deliver" && s.attrs["relay.profile_id"] === source.id);
    expect(deliver).toHaveLength(1);
    const d = deliver[0]!;
    expect(d.attrs).toMatchObject({
      "relay.direction": "SOURCE",
      "relay.batch_size": 3,
      "relay.attempt": 1,
      "relay.retries": 0,
      "relay.delivered": 3,
      "relay.retrying": 0,
      "relay.failed": 0,
      "relay.dead": 0,
    });
    expect(d.kind).toBe(5); // SPAN_KIND_CONSUMER
    // Links, not a parent: the batch holds deliveries of two requests (two traces).
    expect(d.parentSpanId ?? "").toBe("");
    const links = (d.links ?? []).map((l) => ({ traceId: l.traceId, spanId: l.spanId, requestId: attrs(l.attributes)["relay.request_id"] }));
    expect(links).toHaveLength(2);
    for (const res of [first, second]) {
      const span = spanOf(res.headers.get("x-request-id")!);
      expect(links).toContainEqual({ traceId: span.traceId, spanId: span.spanId, requestId: res.headers.get("x-request-id") });
    }

    // The AEP → RainFocus direction too.
    const aepSpan = spanOf(aep.headers.get("x-request-id")!);
    expect(aepSpan.attrs).toMatchObject({ "relay.endpoint": "aep", "relay.profile_id": destination.id, "relay.events": 1, "relay.accepted": 1 });
    const aepDeliver = all.find((s) => s.name === "relay.deliver" && s.attrs["relay.profile_id"] === destination.id)!;
    expect(aepDeliver.attrs).toMatchObject({ "relay.direction": "DESTINATION", "relay.batch_size": 1, "relay.delivered": 1 });
    expect(aepDeliver.links?.map((l) => l.traceId)).toEqual([aepSpan.traceId]);

    // No secret anywhere in what was exported: inbound secrets, client secrets, bearer tokens,
    // signatures, the encryption key.
    const exported = bodies.join("\n");
    const bearers = (await dcsRequests(emu)).map((r) => /^Bearer\s+(.+)$/i.exec(r.headers.authorization ?? "")?.[1]).filter((t): t is string => Boolean(t));
    expect(bearers.length).toBeGreaterThan(0);
    const rfRequests = await emulator<{ requests: { headers: Record<string, string> }[] }>(emu.rainfocusUrl, "GET", "requests");
    const rfTokens = rfRequests.requests.map((r) => /^Bearer\s+(.+)$/i.exec(r.headers.authorization ?? "")?.[1]).filter((t): t is string => Boolean(t));
    expect(rfTokens.length).toBeGreaterThan(0);
    for (const secret of [
      source.secret,
      destination.secret,
      DEMO_ADOBE.clientSecret,
      DEMO_RAINFOCUS.clientSecret,
      process.env.APP_ENCRYPTION_KEY!,
      ...bearers,
      ...rfTokens,
    ]) {
      expect(exported).not.toContain(secret);
    }
    expect(exported).not.toMatch(/sha256=[0-9a-f]{64}/);
    expect(exported.toLowerCase()).not.toContain("authorization");
  });
});
