import { createHmac } from "node:crypto";
import { generatePushEvent, getPushType } from "@/lib/push-types/catalog";
import type { Reply, Route } from "../kit/server";

/**
 * Two ways to push:
 * - as RainFocus pushes to AEP (`flowId` given): to the "Streaming endpoint URL" of its integration
 *   profile, raw JSON with the "Dataflow ID" in `x-adobe-flow-id` (seed 000 / S31: the profile asks
 *   only for Adobe credentials, the endpoint and the dataflow id), no signature, optionally with an
 *   `Authorization: Bearer` token as for authenticated AEP inlets;
 * - as a signing sender (`secret` given): Relay's signed webhook with X-RF-Signature.
 */
export interface PushRequest {
  targetUrl: string;
  secret?: string;
  /** The integration profile's "Dataflow ID": sent as x-adobe-flow-id (header, or query with flowIdIn:"query"). */
  flowId?: string;
  flowIdIn?: "header" | "query";
  bearer?: string;
  pushType?: string;
  count?: number;
  /** Index of the first generated event; vary it to get different payloads. */
  startIndex?: number;
  concurrency?: number;
  eventName?: string;
  timeoutMs?: number;
}

export interface PushOutcome {
  index: number;
  transmissionId: string;
  status?: number;
  error?: string;
  durationMs: number;
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, sent as X-RF-Signature. */
export function signPush(rawBody: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/** Sends `count` generated events to a profile's inbound URL, as RainFocus's push would. */
export async function runPush(req: PushRequest): Promise<{ sent: number; delivered: number; failed: number; results: PushOutcome[] }> {
  const count = Math.min(Math.max(req.count ?? 1, 1), 10_000);
  const type = req.pushType ?? "SessionScheduled";
  const start = req.startIndex ?? 0;
  const results: PushOutcome[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      // Custom push types (added by admins) reuse the SessionScheduled shape under their own name.
      const known = getPushType(type) !== undefined;
      const event = generatePushEvent(known ? type : "SessionScheduled", start + i, req.eventName ? { eventName: req.eventName } : {});
      if (!known) event.eventType = type;
      const body = JSON.stringify(event);
      const t0 = performance.now();
      try {
        const res = await fetch(urlFor(req), {
          method: "POST",
          headers: headersFor(req, body),
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(req.timeoutMs ?? 10_000),
        });
        await res.arrayBuffer();
        results[i] = { index: start + i, transmissionId: event.transmissionId, status: res.status, durationMs: Math.round(performance.now() - t0) };
      } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause?.code;
        results[i] = {
          index: start + i,
          transmissionId: event.transmissionId,
          error: cause ?? (e as Error).name,
          durationMs: Math.round(performance.now() - t0),
        };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(req.concurrency ?? 4, 1), 32) }, worker));
  const delivered = results.filter((r) => r.status !== undefined && r.status >= 200 && r.status < 300).length;
  return { sent: count, delivered, failed: count - delivered, results };
}

function urlFor(req: PushRequest): string {
  if (!req.flowId || req.flowIdIn !== "query") return req.targetUrl;
  const u = new URL(req.targetUrl);
  u.searchParams.set("x-adobe-flow-id", req.flowId);
  return u.toString();
}

function headersFor(req: PushRequest, body: string): Record<string, string> {
  const h: Record<string, string> = { "Content-Type": "application/json", "User-Agent": "RainFocus-Push-Emulator/1.0" };
  if (req.flowId && req.flowIdIn !== "query") h["x-adobe-flow-id"] = req.flowId;
  if (req.bearer) h.Authorization = `Bearer ${req.bearer}`;
  if (req.secret) h["X-RF-Signature"] = signPush(body, req.secret);
  return h;
}

export function pushRoutes(): Route[] {
  return [
    {
      id: "control.push",
      method: "POST",
      pattern: /^\/_emulator\/push$/,
      control: true,
      handle: async (ctx): Promise<Reply> => {
        const p = ctx.json as PushRequest | undefined;
        if (!p?.targetUrl || (!p.secret && !p.flowId))
          return {
            status: 400,
            body: { error: "bad_request", message: "targetUrl and either flowId (push as to AEP) or secret (signed webhook) are required" },
          };
        try {
          new URL(p.targetUrl);
        } catch {
          return { status: 400, body: { error: "bad_request", message: "targetUrl is not a URL" } };
        }
        return { status: 200, body: await runPush(p) };
      },
    },
  ];
}
