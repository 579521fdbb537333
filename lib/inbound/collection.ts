import "server-only";
import { parseJsonBody, readRawBody, refuse, type InboundAnswer } from "./common";
import { acceptSourceEvents } from "./events";
import { loadProfileByInlet, refuseInactive } from "./profile";
import { refuseWhenQueueDeep } from "./backpressure";

let seq = 0;

/**
 * POST /api/v1/inbound/collection/{inletId}: the AEP-compatible inlet, so RainFocus can be pointed
 * at Relay with the two values its integration profile asks for ("Streaming endpoint URL" and
 * "Dataflow ID"). It takes what RainFocus sends to an AEP raw inlet — raw JSON, one event or an
 * array, the flow id in `x-adobe-flow-id` (header or query) — and answers as AEP does
 * (help/sources/tutorials/api/create/streaming/http.md): 200 `{inletId, xactionId, receivedTimeMs}`
 * only after the events are stored. The inlet id is the capability, as on AEP's unauthenticated
 * inlets; an `Authorization: Bearer` header (authenticated AEP inlets) is accepted and not used.
 * Refusals are Relay-shaped here; the route rewords them as AEP problem bodies (toAepProblem).
 */
export async function acceptCollection(
  inletId: string,
  request: Request,
  ctx: { requestId?: string; traceParent?: string | null } = {},
): Promise<InboundAnswer> {
  const full = await refuseWhenQueueDeep();
  if (full) return full;
  const body = await readRawBody(request);
  if (!body.ok) return body.answer;
  const profile = await loadProfileByInlet(inletId);
  if (!profile) return refuse(404, "not_found", "Inlet not found.");
  const inactive = refuseInactive(profile, "SOURCE");
  if (inactive) return inactive;

  const flowId = request.headers.get("x-adobe-flow-id") ?? new URL(request.url).searchParams.get("x-adobe-flow-id");
  if (!flowId) return refuse(400, "flow_id_missing", "x-adobe-flow-id header or query parameter is required.");
  if (!profile.dataflowId || flowId.trim().toLowerCase() !== profile.dataflowId.toLowerCase()) {
    return refuse(
      400,
      "flow_id_mismatch",
      `flowId: [${flowId.slice(0, 64)}] Dataflow is not associated with this inlet. Use the dataflow ID shown on the profile's Endpoint page.`,
    );
  }
  const parsed = parseJsonBody(body.raw);
  if (!parsed.ok) return parsed.answer;
  const r = await acceptSourceEvents(profile, parsed.value, ctx);
  if (!r.ok) return refuse(r.status, r.code, r.message, r.extra);
  const receivedTimeMs = Date.now();
  return {
    status: 200,
    body: { inletId, xactionId: `${receivedTimeMs}:${process.pid % 10_000}:${++seq}`, receivedTimeMs },
  };
}

const INLET_PROBLEM = "http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet";
const TITLES: Record<number, string> = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  422: "Bad Request",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

/**
 * A Relay refusal `{error:{code,message}}` as DCS words it: `{type, status, title, report:{message}}`
 * (the problem shape of help/ingestion/streaming-ingestion/... and http.md). 422 (push type not
 * enabled) stays 422 so the sender sees it is not a format error; the code is kept in `report`.
 */
export function toAepProblem(status: number, body: Record<string, unknown>, inletId: string): Record<string, unknown> {
  const e = (body.error ?? {}) as { code?: string; message?: string };
  return {
    type: INLET_PROBLEM,
    status,
    title: TITLES[status] ?? "Error",
    report: { message: `inletId: [${inletId}] ${e.message ?? "Request refused."}`, ...(e.code ? { code: e.code } : {}) },
  };
}
