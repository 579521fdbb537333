import type { Reply, Route } from "../kit/server";
import { httpApiProfile, sdkProfile } from "./destination-profiles";

// AEP's side of a streaming destination: it exports profiles to a partner endpoint (Relay) the way
// Experience Platform does, so e2e can drive AEP → RainFocus end to end the way the RainFocus push
// simulator drives the other direction. What it sends and how it retries follow the documents:
// - format `http-api`: one profile per request at the root, XDM paths; failed requests are retried
//   twice (help/destinations/catalog/streaming/http-destination.md, "Limits and retry policy");
//   the endpoint must answer within 2 seconds (same page, "Prerequisites").
// - formats `sdk-aggregated` / `sdk-single`: a Destination SDK destination whose template passes
//   `input.profiles` through as `{"profiles":[…]}` (or `input.profile` as `{"profile":{…}}`)
//   (…/destination-sdk/functionality/destination-server/message-format.md), aggregated by
//   best effort (at most `maxUsersPerRequest` per call) or configurable aggregation
//   (`maxNumEventsInBatch`, 1,000–10,000) (…/destination-configuration/aggregation-policy.md);
//   retries per …/destination-sdk/functionality/rate-limiting-retry-policy.md: best effort
//   403/408/409/429/500/502/503/504 after 15 s and 30 s; configurable 420, 429 and >500 once,
//   about 30 minutes later. Nothing else is retried; what still fails is dropped.
// Delays are the documented ones times `delayScale` (tests run them in milliseconds).

export type DestinationFormat = "http-api" | "sdk-aggregated" | "sdk-single";
export type DestinationAuth =
  | { type: "none" }
  | { type: "bearer"; token: string }
  | { type: "oauth2"; tokenUrl: string; clientId: string; clientSecret: string; clientType?: "body" | "basic" };

export interface ExportRequest {
  targetUrl: string;
  format: DestinationFormat;
  auth: DestinationAuth;
  count: number;
  startIndex?: number;
  /** Makes the generated emails unique to this run. */
  runId?: string;
  aggregation?: { type: "BEST_EFFORT"; maxUsersPerRequest?: number } | { type: "CONFIGURABLE"; maxNumEventsInBatch: number };
  delayScale?: number;
  concurrency?: number;
  timeoutMs?: number;
}

export interface ExportCall {
  index: number;
  profiles: number;
  attempts: { status?: number; error?: string; durationMs: number }[];
  outcome: "delivered" | "dropped";
}

const BEST_EFFORT_RETRIED = new Set([403, 408, 409, 429, 500, 502, 503, 504]);
const retryPlan = (req: ExportRequest): { delaysS: number[]; retried: (status: number | undefined) => boolean } => {
  if (req.format === "http-api") return { delaysS: [15, 30], retried: (s) => s === undefined || s < 200 || s >= 300 };
  if (req.aggregation?.type === "CONFIGURABLE") return { delaysS: [30 * 60], retried: (s) => s === undefined || s === 420 || s === 429 || s > 500 };
  return { delaysS: [15, 30], retried: (s) => s === undefined || BEST_EFFORT_RETRIED.has(s) };
};

function batchesOf(req: ExportRequest): number[][] {
  const start = req.startIndex ?? 0;
  const all = Array.from({ length: req.count }, (_, i) => start + i);
  const size =
    req.format !== "sdk-aggregated"
      ? 1
      : req.aggregation?.type === "CONFIGURABLE"
        ? req.aggregation.maxNumEventsInBatch
        : (req.aggregation?.maxUsersPerRequest ?? 10);
  const out: number[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}

function bodyOf(req: ExportRequest, indices: number[]): string {
  if (req.format === "http-api") return JSON.stringify(httpApiProfile(indices[0]!, req.runId));
  if (req.format === "sdk-single") return JSON.stringify({ profile: sdkProfile(indices[0]!, req.runId) });
  return JSON.stringify({ profiles: indices.map((i) => sdkProfile(i, req.runId)) });
}

export class OAuthTokenSource {
  private cached?: { token: string; expiresAt: number };
  constructor(private readonly auth: Extract<DestinationAuth, { type: "oauth2" }>) {}

  async header(): Promise<string> {
    if (this.cached && this.cached.expiresAt > Date.now() + 5_000) return `Bearer ${this.cached.token}`;
    const basic = this.auth.clientType === "basic";
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      ...(basic ? {} : { client_id: this.auth.clientId, client_secret: this.auth.clientSecret }),
    });
    const enc = encodeURIComponent;
    const res = await fetch(this.auth.tokenUrl, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        ...(basic ? { Authorization: `Basic ${Buffer.from(`${enc(this.auth.clientId)}:${enc(this.auth.clientSecret)}`).toString("base64")}` } : {}),
      },
      body: form.toString(),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
    if (!res.ok || !body.access_token) throw new Error(`token endpoint answered ${res.status}`);
    this.cached = { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
    return `Bearer ${body.access_token}`;
  }
}

export async function runExport(req: ExportRequest): Promise<{ requests: number; profiles: number; delivered: number; dropped: number; calls: ExportCall[] }> {
  const plan = retryPlan(req);
  const scale = req.delayScale ?? 1;
  const timeoutMs = req.timeoutMs ?? (req.format === "http-api" ? 2_000 : 30_000);
  const tokens = req.auth.type === "oauth2" ? new OAuthTokenSource(req.auth) : undefined;
  const batches = batchesOf(req);
  const calls: ExportCall[] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const n = next++;
      const body = bodyOf(req, batches[n]!);
      const call: ExportCall = { index: n, profiles: batches[n]!.length, attempts: [], outcome: "dropped" };
      for (let attempt = 0; attempt <= plan.delaysS.length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, plan.delaysS[attempt - 1]! * 1000 * scale));
        const t0 = performance.now();
        let status: number | undefined;
        try {
          const auth = req.auth.type === "bearer" ? `Bearer ${req.auth.token}` : tokens ? await tokens.header() : undefined;
          const res = await fetch(req.targetUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json", ...(auth ? { Authorization: auth } : {}) },
            body,
            redirect: "manual",
            signal: AbortSignal.timeout(timeoutMs),
          });
          await res.arrayBuffer();
          status = res.status;
          call.attempts.push({ status, durationMs: Math.round(performance.now() - t0) });
        } catch (e) {
          const cause = (e as { cause?: { code?: string } }).cause?.code;
          call.attempts.push({ error: cause ?? (e as Error).name, durationMs: Math.round(performance.now() - t0) });
        }
        if (status !== undefined && status >= 200 && status < 300) {
          call.outcome = "delivered";
          break;
        }
        if (!plan.retried(status)) break;
      }
      calls[n] = call;
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(req.concurrency ?? 4, 1), 32) }, worker));
  const delivered = calls.filter((c) => c.outcome === "delivered");
  return {
    requests: calls.length,
    profiles: req.count,
    delivered: delivered.reduce((n, c) => n + c.profiles, 0),
    dropped: req.count - delivered.reduce((n, c) => n + c.profiles, 0),
    calls,
  };
}

function problem(req: Partial<ExportRequest> | undefined): string | null {
  if (!req?.targetUrl || !req.format || !req.auth) return "targetUrl, format and auth are required";
  try {
    new URL(req.targetUrl);
  } catch {
    return "targetUrl is not a URL";
  }
  if (!["http-api", "sdk-aggregated", "sdk-single"].includes(req.format)) return "format must be http-api, sdk-aggregated or sdk-single";
  if (!Number.isInteger(req.count) || req.count! < 1 || req.count! > 100_000) return "count must be 1–100000";
  const a = req.aggregation;
  // aggregation-policy.md: maxNumEventsInBatch minimum 1,000, maximum 10,000.
  if (a?.type === "CONFIGURABLE" && !(a.maxNumEventsInBatch >= 1000 && a.maxNumEventsInBatch <= 10_000))
    return "maxNumEventsInBatch must be 1000–10000 (aggregation-policy.md)";
  if (a?.type === "BEST_EFFORT" && a.maxUsersPerRequest !== undefined && !(a.maxUsersPerRequest >= 1)) return "maxUsersPerRequest must be at least 1";
  return null;
}

export function destinationRoutes(): Route[] {
  return [
    {
      id: "control.destination.export",
      method: "POST",
      pattern: /^\/_emulator\/destination\/export$/,
      control: true,
      handle: async (ctx): Promise<Reply> => {
        const req = ctx.json as ExportRequest | undefined;
        const bad = problem(req);
        if (bad) return { status: 400, body: { error: "bad_request", message: bad } };
        return { status: 200, body: await runExport(req!) };
      },
    },
  ];
}
