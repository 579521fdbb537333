import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { getRequestActor } from "@/lib/auth/session";
import { hasRole, type Actor, type Role } from "@/lib/auth/roles";
import { ActionError, type ActionResult } from "@/lib/actions/define-action";
import { clientIp } from "@/lib/request-ip";
import { readRawBody } from "@/lib/delivery/inbound-common";
import { jsonTextProblem } from "@/lib/delivery/json-text";

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

/**
 * Wraps a /api/v1 route: API token or session, role check, typed errors as JSON, and a request id
 * on unexpected failures. Every route goes through this, so no route can forget the role check.
 */
export function apiRoute<P = Record<string, string>>(
  roles: readonly Role[],
  handler: (request: Request, ctx: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const actor = await getRequestActor(request);
    if (!actor) return apiError(401, "unauthorized", "Missing or invalid credentials.");
    if (!hasRole(actor, roles)) return apiError(403, "forbidden", "Your role does not allow this.");
    if (actor.via === "session" && !SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
      return apiError(403, "cross_origin", "Cross-origin requests with a console session are refused; use an API token.");
    }
    // PostgreSQL text cannot hold NUL: a query parameter carrying one would fail in the database
    // as a 500 (found by fuzz-inbound.test.ts), so it is refused here for every route.
    if ([...new URL(request.url).searchParams].some(([k, v]) => k.includes("\0") || v.includes("\0"))) {
      return apiError(400, "invalid", "Query parameters must not contain NUL characters.");
    }
    try {
      return await handler(request, { actor, ip: clientIp(request.headers), params: await context.params });
    } catch (err) {
      if (err instanceof ActionError) return apiError(STATUS[err.code] ?? 400, err.code, err.message, err.fieldErrors ? { fieldErrors: err.fieldErrors } : undefined);
      const requestId = randomUUID();
      console.error(JSON.stringify({ level: "error", msg: "route failed", path: new URL(request.url).pathname, requestId, error: String(err) }));
      return apiError(500, "error", "Internal error.", { requestId });
    }
  };
}

/** Answers an action result as REST: the same validation and messages as the UI's forms. */
export function actionResponse<T>(result: ActionResult<T>, okStatus = 200): Response {
  if (result.ok) return NextResponse.json(result.data, { status: okStatus });
  return apiError(STATUS[result.code] ?? 400, result.code, result.error, result.fieldErrors ? { fieldErrors: result.fieldErrors } : undefined);
}

/** Reads a JSON body with a size cap that holds while streaming (no Content-Length needed). */
export async function readJson(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  const body = await readRawBody(request, maxBytes);
  if (!body.ok) throw new ActionError(`Body exceeds ${maxBytes} bytes.`, "invalid");
  const text = body.raw.toString("utf8");
  const problem = jsonTextProblem(text);
  if (problem) throw new ActionError(problem.message, "invalid");
  try {
    return JSON.parse(text);
  } catch {
    throw new ActionError("Body is not valid JSON.", "invalid");
  }
}
