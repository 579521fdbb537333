import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { parseKey, seal } from "@/lib/crypto/seal";
import { signBody } from "@/lib/inbound/signature";
import { createWorkerFromEnv } from "@/lib/worker/create-worker";
import type { DeliveryConfig } from "@/lib/worker/config";
import type { DeliveryWorker } from "@/lib/worker/worker";
import { DEMO_ADOBE, DEMO_RAINFOCUS, demoStreamingEndpoint, startEmulators, type RunningEmulators } from "@/emulators/index";
import { generatePushEvent } from "@/lib/push-types/catalog";
import { POST as rainfocusPOST } from "@/app/api/v1/inbound/rainfocus/[profileId]/route";
import { POST as aepPOST } from "@/app/api/v1/inbound/aep/[profileId]/route";
import { POST as collectionPOST } from "@/app/api/v1/inbound/collection/[inletId]/route";

// Delivery integration tests: emulators on free ports, profiles written straight to the test
// database, the inbound route handlers called as plain functions, workers built as in production.

const key = () => parseKey(process.env.APP_ENCRYPTION_KEY!);

export function startTestEmulators(): Promise<RunningEmulators> {
  return startEmulators({ adobePort: 0, rainfocusPort: 0, seed: 7 });
}

export type TestProfile = { id: string; secret: string; inletId?: string };

export async function createSourceProfile(
  emu: RunningEmulators,
  opts: {
    status?: "DRAFT" | "READY" | "ACTIVE" | "PAUSED";
    endpoint?: string;
    flowId?: string;
    mode?: "XDM" | "RAW";
    pushTypes?: string[];
    adobe?: boolean;
  } = {},
): Promise<TestProfile> {
  const secret = "rfin_" + randomBytes(12).toString("base64url");
  const inletId = randomBytes(32).toString("hex");
  const k = key();
  const withAdobe = opts.adobe ?? true;
  const p = await db.integrationProfile.create({
    data: {
      name: `delivery test ${secret.slice(-6)}`,
      direction: "SOURCE",
      status: opts.status ?? "ACTIVE",
      eventCode: DEMO_RAINFOCUS.eventCode,
      tenantId: DEMO_ADOBE.tenantId,
      ...(withAdobe ? { adobeClientId: DEMO_ADOBE.clientId, adobeClientSecretSealed: seal(DEMO_ADOBE.clientSecret, k), adobeOrgId: DEMO_ADOBE.orgId } : {}),
      streamingEndpointUrl: opts.endpoint ?? demoStreamingEndpoint(emu.adobeUrl),
      dataflowId: opts.flowId ?? DEMO_ADOBE.flowId,
      ...(opts.mode ? { deliveryMode: opts.mode } : {}),
      inboundSecretSealed: seal(secret, k),
      inletId,
      pushTypes: { create: (opts.pushTypes ?? ["SessionScheduled", "AttendeeRegistered"]).map((pushType) => ({ pushType })) },
    },
  });
  return { id: p.id, secret, inletId };
}

export async function createDestinationProfile(opts: { status?: "ACTIVE" | "PAUSED" } = {}): Promise<TestProfile> {
  const secret = "rfin_" + randomBytes(12).toString("base64url");
  const k = key();
  const p = await db.integrationProfile.create({
    data: {
      name: `destination test ${secret.slice(-6)}`,
      direction: "DESTINATION",
      status: opts.status ?? "ACTIVE",
      eventCode: DEMO_RAINFOCUS.eventCode,
      rainfocusClientId: DEMO_RAINFOCUS.clientId,
      rainfocusSecretSealed: seal(DEMO_RAINFOCUS.clientSecret, k),
      rainfocusOrgId: DEMO_RAINFOCUS.orgId,
      rainfocusEnvironment: "dev",
      inboundSecretSealed: seal(secret, k),
    },
  });
  return { id: p.id, secret };
}

export function testWorker(emu: RunningEmulators, overrides: Partial<DeliveryConfig> = {}, env: Record<string, string> = {}): DeliveryWorker {
  return createWorkerFromEnv(
    db,
    {
      APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY,
      EMULATORS: "on",
      ADOBE_IMS_URL: emu.adobeUrl,
      ADOBE_PLATFORM_URL: emu.adobeUrl,
      RAINFOCUS_API_URL: emu.rainfocusUrl,
      // Milliseconds instead of minutes, so retries happen within a test.
      DELIVERY_RETRY_BASE_MS: "5",
      DELIVERY_RETRY_CAP_MS: "20",
      // One line per settled delivery would flood the test output.
      LOG_LEVEL: "error",
      // Alerts are evaluated only by tests/integration/alerts.test.ts, on its own clock.
      ALERTS_EVAL_INTERVAL_MS: "0",
      ...env,
    },
    overrides,
  );
}

export function pushEvents(type: string, from: number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => generatePushEvent(type, from + i) as unknown as Record<string, unknown>);
}

/** Calls the RainFocus inbound route handler with a signed (or deliberately mis-signed) body. */
export async function postPush(profileId: string, body: unknown, secret: string | null, raw?: string, extraHeaders: Record<string, string> = {}) {
  const text = raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { "Content-Type": "application/json", ...extraHeaders };
  if (secret !== null) headers["X-RF-Signature"] = signBody(text, secret);
  const res = await rainfocusPOST(new Request(`http://relay.test/api/v1/inbound/rainfocus/${profileId}`, { method: "POST", headers, body: text }), {
    params: Promise.resolve({ profileId }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

export async function postAep(profileId: string, body: unknown, bearer: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/json", ...(bearer !== null ? { Authorization: `Bearer ${bearer}` } : {}) };
  const res = await aepPOST(new Request(`http://relay.test/api/v1/inbound/aep/${profileId}`, { method: "POST", headers, body: JSON.stringify(body) }), {
    params: Promise.resolve({ profileId }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

/** Posts to the AEP-compatible inlet as RainFocus posts to AEP: raw JSON and x-adobe-flow-id. */
export async function postCollection(
  inletId: string,
  body: unknown,
  opts: { flowId?: string | null; query?: boolean; raw?: string; headers?: Record<string, string> } = {},
) {
  const flowId = opts.flowId === undefined ? DEMO_ADOBE.flowId : opts.flowId;
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    ...(flowId && !opts.query ? { "x-adobe-flow-id": flowId } : {}),
    ...opts.headers,
  };
  const url = `http://relay.test/api/v1/inbound/collection/${inletId}${flowId && opts.query ? `?x-adobe-flow-id=${flowId}` : ""}`;
  const res = await collectionPOST(new Request(url, { method: "POST", headers, body: opts.raw ?? JSON.stringify(body) }), {
    params: Promise.resolve({ inletId }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

/** Runs cycles until nothing is due for `ms` (retries are scheduled a few ms ahead in tests). */
export async function drain(worker: DeliveryWorker, ms = 300): Promise<void> {
  let idleSince = Date.now();
  while (Date.now() - idleSince < ms) {
    const r = await worker.runOnce();
    if (r.claimed > 0) idleSince = Date.now();
    else await new Promise((r) => setTimeout(r, 15));
  }
}

export async function emulator<T = any>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 400) throw new Error(`emulator ${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? {} : await res.json()) as T;
}

/** The _ids of the messages in one DCS request (single or batch, XDM envelopes or bare records), as received. */
export function messageIds(r: { route: string; body: string }): string[] {
  type Msg = { _id?: string; body?: { xdmEntity?: { _id: string } } };
  const idOf = (m: Msg) => m.body?.xdmEntity?._id ?? m._id!;
  const parsed = JSON.parse(r.body) as Msg | { messages: Msg[] };
  return "messages" in parsed ? parsed.messages.map(idOf) : [idOf(parsed)];
}

/** Leaves nothing due from an earlier test for the next one's worker. */
export async function settleLeftovers(): Promise<void> {
  await db.delivery.updateMany({ where: { status: { in: ["QUEUED", "RETRYING", "DELIVERING"] } }, data: { status: "FAILED", lastError: "test cleanup" } });
}

export async function dcsRequests(emu: RunningEmulators): Promise<{ route: string; body: string; status: number; headers: Record<string, string> }[]> {
  const r = await emulator<{ requests: { route: string; body: string; status: number; headers: Record<string, string> }[] }>(
    emu.adobeUrl,
    "GET",
    "requests?route=dcs",
  );
  return r.requests;
}
