import "server-only";
import { NextResponse } from "next/server";
import { log, runWithRequestId } from "@/lib/log";
import { requestIdOf } from "@/lib/http/request-id";
import { getRequestActor } from "@/lib/auth/session";
import { hasRole, type Actor } from "@/lib/auth/roles";
import type { ActionResult } from "@/lib/actions/define-action";
import { DomainError } from "@/lib/errors";
import { clientIp } from "@/lib/request-ip";
import { readCappedJson } from "./body";
import type { Endpoint } from "./endpoints";
import { isStorableText } from "@/lib/http/json-text";

export type RouteContext<P> = { actor: Actor; ip: string; params: P };

const STATUS: Record<string, number> = { invalid: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, error: 500 };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF guard for cookie-authenticated mutations (server actions get Next's own origin check; route
 * handlers do not): the browser's Origin, or failing that Sec-Fetch-Site, must say same origin.
 */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}

export function apiError(status: number, code: string, message: string, extra?: Record<string, unknown>) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status });
}

/** `response` with an X-Request-Id header (a copy when its headers are immutable, e.g. a fetch()'s). */
function withRequestIdHeader(response: Response, requestId: string): Response {
  try {
    response.headers.set("X-Request-Id", requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set("X-Request-Id", requestId);
    return copy;
  }
}

/**
 * Wraps a /api/v1 route: API token or session, role check, typed errors as JSON. Every route goes
 * through this, so no route can forget the role check. Each request gets an id (a caller's
 * well-formed X-Request-Id is kept, as on the inbound webhooks), answered as X-Request-Id, carried
 * by every log line written while it runs (actions included) and logged with one line per request:
 * method, path (never the query string), status, duration and the actor — never bodies or tokens.
 * The roles come from the endpoint's entry in ENDPOINTS (endpoints.ts), which openapi.json is
 * generated from; the returned handler carries that entry so a test can match it to its file.
 */
export function apiRoute<P = Record<string, string>>(endpoint: Endpoint, handler: (request: Request, ctx: RouteContext<P>) => Promise<Response>) {
  const { roles } = endpoint;
  const route = async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const url = new URL(request.url);
    let actor: Actor | null = null;
    const response = await runWithRequestId(requestId, async (): Promise<Response> => {
      try {
        actor = await getRequestActor(request);
        if (!actor) return apiError(401, "unauthorized", "Missing or invalid credentials.");
        if (!hasRole(actor, roles)) return apiError(403, "forbidden", "Your role does not allow this.");
        if (actor.via === "session" && !SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
          return apiError(403, "cross_origin", "Cross-origin requests with a console session are refused; use an API token.");
        }
        // PostgreSQL text cannot hold NUL: a query parameter carrying one would fail in the database
        // as a 500 (found by fuzz-inbound.test.ts), so it is refused here for every route.
        if ([...url.searchParams].some(([k, v]) => k.includes("\0") || v.includes("\0"))) {
          return apiError(400, "invalid", "Query parameters must not contain NUL characters.");
        }
        // Nor an id in the path with NUL or half a surrogate pair: a 500 from the database before
        // (found by fuzz-routes.test.ts); no row has such an id.
        const params = await context.params;
        if (
          Object.values(params ?? {})
            .flat()
            .some((v) => typeof v === "string" && !isStorableText(v))
        ) {
          return apiError(400, "invalid", "Path parameters must not contain NUL characters or unpaired surrogates.");
        }
        return await handler(request, { actor, ip: clientIp(request.headers), params });
      } catch (err) {
        if (err instanceof DomainError)
          return apiError(STATUS[err.code] ?? 400, err.code, err.message, err.fieldErrors ? { fieldErrors: err.fieldErrors } : undefined);
        log.error("route failed", { requestId, method: request.method, path: url.pathname, error: err });
        return apiError(500, "error", "Internal error.", { requestId });
      }
    });
    const who = actor as Actor | null;
    log[response.status >= 400 ? "warn" : "info"]("api request", {
      requestId,
      method: request.method,
      path: url.pathname,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
      actorId: who?.id,
      role: who?.role,
      via: who?.via,
    });
    return withRequestIdHeader(response, requestId);
  };
  return Object.assign(route, { endpoint });
}

/** Answers an action result as REST: the same validation and messages as the UI's forms. */
export function actionResponse<T>(result: ActionResult<T>, okStatus = 200): Response {
  if (result.ok) return NextResponse.json(result.data, { status: okStatus });
  return apiError(STATUS[result.code] ?? 400, result.code, result.error, result.fieldErrors ? { fieldErrors: result.fieldErrors } : undefined);
}

/** Reads a JSON body with a size cap that holds while streaming (no Content-Length needed). */
export function readJson(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  return readCappedJson(request, maxBytes);
}
