import { toStreamingValidationBody } from "@/lib/xdm";
import { bodySize, type Reply, type RequestContext, type Route } from "../kit/server";
import { entityOf, ingest, newXactionId, validateEntity } from "./pipeline";
import type { AdobeState, Inlet } from "./state";

const INLET_PROBLEM = "http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet";
const AUTH_PROBLEM = "https://ns.adobe.com/adobecloud/problem/data-collection-service-authorization";

const problem = (status: number, title: string, message: string, type = INLET_PROBLEM): Reply => ({
  status,
  body: { type, status, title, report: { message } },
});

/** Checks shared by single and batch: inlet, size, auth, JSON, flow id. */
function admit(ctx: RequestContext, state: AdobeState, limit: number): { ok: true; inlet: Inlet; flowId: string } | { ok: false; reply: Reply } {
  const inletId = ctx.params.inletId!;
  let inlet = state.inlets.get(inletId);
  const flowId = ctx.headers["x-adobe-flow-id"] ?? ctx.query.get("x-adobe-flow-id") ?? undefined;
  if (!inlet) {
    if (!state.config.autoCreateInlets) return { ok: false, reply: problem(404, "Not Found", `inletId: [${inletId}] Inlet not found`) };
    inlet = state.addInlet({ inletId, ...(flowId ? { flowId } : {}), createdAt: Date.now() - state.config.flowWarmupMs });
  }
  if (bodySize(ctx.rawBody) > limit) {
    return { ok: false, reply: problem(413, "Payload Too Large", `inletId: [${inletId}] Message exceeds ${limit} bytes`) };
  }
  if (inlet.authenticationRequired) {
    const auth = ctx.headers.authorization;
    // Authorization problems carry `status` as a string, as in Adobe's documented body.
    if (!auth) return { ok: false, reply: { status: 401, body: { type: AUTH_PROBLEM, status: "401", title: "Authorization", report: { message: `[${inletId}] Ims service token is empty` } } } };
    if (!state.tokenInfo(auth)) return { ok: false, reply: { status: 403, body: { type: AUTH_PROBLEM, status: "403", title: "Authorization", report: { message: `[${inletId}] Ims service token is invalid or expired` } } } };
  }
  if (ctx.json === undefined) return { ok: false, reply: problem(400, "Invalid JSON", `inletId: [${inletId}] Message is not valid JSON`) };
  const envelopeFlow = (ctx.json as { header?: { flowId?: unknown } })?.header?.flowId;
  const effective = flowId ?? (typeof envelopeFlow === "string" ? envelopeFlow : undefined);
  if (!effective && inlet.dataType === "raw") {
    return { ok: false, reply: problem(400, "Bad Request", `inletId: [${inletId}] x-adobe-flow-id header or query parameter is required`) };
  }
  if (effective && effective !== inlet.flowId) {
    return { ok: false, reply: problem(400, "Bad Request", `inletId: [${inletId}] flowId: [${effective}] Dataflow is not associated with this inlet`) };
  }
  return { ok: true, inlet, flowId: inlet.flowId };
}

export function dcsRoutes(state: AdobeState): Route[] {
  return [
    {
      id: "dcs.single",
      method: "POST",
      pattern: /^\/collection\/(?<inletId>[^/]+)$/,
      handle: (ctx) => {
        const a = admit(ctx, state, state.config.maxBodyBytes);
        if (!a.ok) return a.reply;
        const { inlet, flowId } = a;
        const ids = `inletId: [${inlet.inletId}] imsOrgId: [${inlet.orgId}]`;
        const { entity, formatError } = entityOf(inlet, ctx.json);
        if (formatError) return problem(400, "Bad Request", `${ids} ${formatError}`);
        const receivedTimeMs = Date.now();
        const ok = (syncValidation: unknown): Reply => ({
          status: 200,
          body: { inletId: inlet.inletId, xactionId: newXactionId(), receivedTimeMs, syncValidation },
        });
        if (ctx.query.get("syncValidation") !== "true") {
          ingest(state, inlet, flowId, entity, ctx.rawBody.length);
          return ok({ skipped: true });
        }
        if (inlet.region.toLowerCase() !== "va7") {
          return problem(501, "Not Implemented", `${ids} Synchronous validation is only available in the VA7 region`);
        }
        const calls = (state.syncCalls.get(inlet.inletId) ?? []).filter((t) => t > receivedTimeMs - 60_000);
        if (calls.length >= state.config.syncValidationPerMinute) {
          state.syncCalls.set(inlet.inletId, calls);
          return { ...problem(429, "Too Many Requests", `${ids} Sync validation is limited to ${state.config.syncValidationPerMinute} requests per minute`), headers: { "Retry-After": String(Math.ceil((calls[0]! + 60_000 - receivedTimeMs) / 1000)) } };
        }
        calls.push(receivedTimeMs);
        state.syncCalls.set(inlet.inletId, calls);
        const errors = validateEntity(inlet, entity, state.config.maxValidationErrors);
        ingest(state, inlet, flowId, entity, ctx.rawBody.length, errors);
        if (errors.length) return { status: 400, body: toStreamingValidationBody(errors, { inletId: inlet.inletId, imsOrgId: inlet.orgId }) };
        return ok({ status: "pass" });
      },
    },
    {
      id: "dcs.batch",
      method: "POST",
      pattern: /^\/collection\/batch\/(?<inletId>[^/]+)$/,
      handle: (ctx) => {
        const a = admit(ctx, state, state.config.maxBatchBytes);
        if (!a.ok) return a.reply;
        const { inlet, flowId } = a;
        const ids = `inletId: [${inlet.inletId}] imsOrgId: [${inlet.orgId}]`;
        const messages = (ctx.json as { messages?: unknown })?.messages;
        if (!Array.isArray(messages)) return problem(400, "Bad Request", `${ids} Body must be {"messages":[…]}`);
        const batchId = newXactionId();
        const responses = messages.map((m, i) => {
          const bytes = Buffer.byteLength(JSON.stringify(m) ?? "");
          if (bytes > state.config.maxBodyBytes) return { statusCode: 413, message: `${ids} Message exceeds ${state.config.maxBodyBytes} bytes` };
          const { entity, formatError } = entityOf(inlet, m);
          if (formatError) return { statusCode: 400, message: `${ids} ${formatError}` };
          ingest(state, inlet, flowId, entity, bytes);
          return { xactionId: `${batchId}:${i}` };
        });
        // 207 for full success, partial success and failure alike.
        return { status: 207, body: { inletId: inlet.inletId, batchId, receivedTimeMs: Date.now(), responses } };
      },
    },
  ];
}
