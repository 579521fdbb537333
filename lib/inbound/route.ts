import "server-only";
import { NextResponse } from "next/server";
import { log } from "@/lib/log";
import { countInboundReject } from "@/lib/metrics/inbound-rejects";
import { recordRefusal } from "@/lib/inbound-refusals/record";
import { SpanStatusCode } from "@opentelemetry/api";
import { withSpan, traceParentOf } from "@/lib/telemetry/span";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/request-ip";
import type { InboundAnswer } from "./common";
import { InboundLimiter, type InboundLimitOptions } from "./limits";
import { redactInboundPath } from "./path";
import { requestIdOf } from "../http/request-id";

let limiter: InboundLimiter | undefined;

/** This web server's inbound rate limits (INBOUND_RATE_PER_SEC, INBOUND_BURST, INBOUND_AUTH_FAILURES_PER_MINUTE). */
export function inboundLimiter(): InboundLimiter {
  if (!limiter) {
    const e = env();
    limiter = new InboundLimiter({
      profileRatePerSec: e.INBOUND_RATE_PER_SEC,
      profileBurst: e.INBOUND_BURST,
      authFailuresPerMinute: e.INBOUND_AUTH_FAILURES_PER_MINUTE,
    });
  }
  return limiter;
}

/** Tests: start over with other limits. */
export function resetInboundLimiter(opts?: InboundLimitOptions): void {
  limiter = opts ? new InboundLimiter(opts) : undefined;
}

/** What an inbound handler gets besides the request: the ids it stores on every delivery it creates. */
export interface InboundContext {
  requestId: string;
  /** The W3C traceparent of the request's relay.inbound span; null while tracing is off or unsampled. */
  traceParent?: string | null;
}

/**
 * Route adapter for the inbound endpoints: JSON answers with an X-Request-Id, which is stored on
 * every delivery the request creates and logged by the worker that settles it, so one id follows
 * an event from inbound to worker. One structured log line per request. With tracing on
 * (lib/telemetry), a `relay.inbound` span (under Next.js's request span) carries the request id,
 * profile, event count and answer, and its traceparent is stored with the deliveries so the
 * worker's `relay.deliver` span links back to it.
 */
export function inboundRoute<P extends { profileId: string } = { profileId: string }>(
  accept: (profileId: string, request: Request, ctx: InboundContext & { params: P }) => Promise<InboundAnswer>,
  opts: { perProfileRateLimit?: boolean } = {},
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const params = await context.params;
    const { profileId } = params;
    const endpoint = /\/inbound\/([a-z]+)\//.exec(new URL(request.url).pathname)?.[1] ?? "unknown";
    return withSpan("relay.inbound", { "relay.request_id": requestId, "relay.profile_id": profileId, "relay.endpoint": endpoint }, async (span) => {
      try {
        // Rate limits first: a refused sender costs no body read, no database and no HMAC.
        const ip = clientIp(request.headers);
        const limits = inboundLimiter();
        const answer =
          limits.admit(profileId, ip, opts.perProfileRateLimit ?? true) ??
          (await accept(profileId, request, { requestId, traceParent: traceParentOf(span), params }));
        limits.record(ip, answer.status);
        const code = answer.status >= 400 ? String((answer.body.error as { code?: unknown } | undefined)?.code ?? "unknown") : undefined;
        if (code) countInboundReject(endpoint, answer.status, code);
        // Refused requests are kept (counted, no body) for the log, the dashboard and the auth-failure alert.
        if (code)
          recordRefusal({
            endpoint,
            profileId,
            status: answer.status,
            code,
            message: String((answer.body.error as { message?: unknown }).message ?? ""),
            ip,
            requestId,
          });
        if (span.isRecording()) {
          span.setAttribute("http.response.status_code", answer.status);
          if (code) span.setAttribute("relay.error_code", code);
          if (typeof answer.body.accepted === "number") span.setAttribute("relay.accepted", answer.body.accepted);
          if (typeof answer.body.duplicates === "number") span.setAttribute("relay.duplicates", answer.body.duplicates);
        }
        log[answer.status >= 400 ? "warn" : "info"]("inbound", {
          requestId,
          endpoint,
          profileId,
          status: answer.status,
          code,
          accepted: typeof answer.body.accepted === "number" ? answer.body.accepted : undefined,
          durationMs: Math.round(performance.now() - started),
        });
        return NextResponse.json(answer.body, { status: answer.status, headers: { ...answer.headers, "X-Request-Id": requestId } });
      } catch (err) {
        // Nothing was acknowledged, so the sender will retry: a 503 says exactly that.
        countInboundReject(endpoint, 503, "unavailable");
        if (span.isRecording()) {
          span.setAttributes({
            "http.response.status_code": 503,
            "relay.error_code": "unavailable",
            "error.type": err instanceof Error ? err.name : typeof err,
          });
          span.setStatus({ code: SpanStatusCode.ERROR, message: String(err) });
        }
        log.error("inbound failed", { requestId, endpoint, profileId, path: redactInboundPath(new URL(request.url).pathname), error: String(err) });
        return NextResponse.json(
          { error: { code: "unavailable", message: "The event could not be stored; retry later.", requestId } },
          { status: 503, headers: { "X-Request-Id": requestId } },
        );
      }
    });
  };
}
