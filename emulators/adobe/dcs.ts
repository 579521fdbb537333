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
function admit(
  ctx: RequestContext,
  state: AdobeState,
  limit: number,
): { ok: true; inlet: Inlet; flowId: string; requestFlowId?: string } | { ok: false; reply: Reply } {
  const inletId = ctx.params.inletId!;
  let inlet = state.inlets.get(inletId);
  const flowId = ctx.headers["x-adobe-flow-id"] ?? ctx.query.get("x-adobe-flow-id") ?? undefined;
  if (!inlet) {
    if (!state.config.autoCreateInlets) return { ok: false, reply: problem(404, "Not Found", `inletId: [${inletId}] Inlet not found`) };
    // An auto-created inlet takes the data type its first request implies: envelopes → XDM.
    inlet = state.addInlet({
      inletId,
      ...(flowId ? { flowId } : {}),
      dataType: looksLikeEnvelope(ctx.json) ? "xdm" : "raw",
      createdAt: Date.now() - state.config.flowWarmupMs,
    });
  }
  if (bodySize(ctx.rawBody) > limit) {
    return { ok: false, reply: problem(413, "Payload Too Large", `inletId: [${inletId}] Message exceeds ${limit} bytes`) };
  }
  if (inlet.authenticationRequired) {
    const auth = ctx.headers.authorization;
    // Authorization problems carry `status` as a string, as in Adobe's documented body.
    if (!auth)
      return {
        ok: false,
        reply: {
          status: 401,
          body: { type: AUTH_PROBLEM, status: "401", title: "Authorization", report: { message: `[${inletId}] Ims service token is empty` } },
        },
      };
    if (!state.tokenInfo(auth))
      return {
        ok: false,
        reply: {
          status: 403,
          body: { type: AUTH_PROBLEM, status: "403", title: "Authorization", report: { message: `[${inletId}] Ims service token is invalid or expired` } },
        },
      };
  }
  if (ctx.json === undefined) return { ok: false, reply: problem(400, "Invalid JSON", `inletId: [${inletId}] Message is not valid JSON`) };
  const envelopeFlow = (ctx.json as { header?: { flowId?: unknown } })?.header?.flowId;
  const effective = flowId ?? (typeof envelopeFlow === "string" ? envelopeFlow : undefined);
  if (!effective && inlet.dataType === "raw") {
    // "flow ID is required for both XDM and RAW data" (help/sources/tutorials/api/create/streaming/http.md);
    // on XDM inlets each message may carry it in header.flowId instead, checked per message.
    return { ok: false, reply: problem(400, "Bad Request", `inletId: [${inletId}] x-adobe-flow-id header or query parameter is required`) };
  }
  if (effective && effective !== inlet.flowId) {
    return { ok: false, reply: problem(400, "Bad Request", `inletId: [${inletId}] flowId: [${effective}] Dataflow is not associated with this inlet`) };
  }
  return { ok: true, inlet, flowId: inlet.flowId, ...(flowId ? { requestFlowId: flowId } : {}) };
}

function looksLikeEnvelope(json: unknown): boolean {
  const first = (json as { messages?: unknown[] })?.messages?.[0] ?? json;
  const m = first as { header?: unknown; body?: unknown } | undefined;
  return Boolean(m && typeof m === "object" && m.header && m.body);
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
        const { entity, formatError, schemaMismatch } = entityOf(state, inlet, ctx.json, a.requestFlowId ?? (inlet.dataType === "raw" ? flowId : undefined));
        if (formatError) return problem(400, "Bad Request", `${ids} ${formatError}`);
        if (schemaMismatch) return problem(400, "Invalid XDM Message Format", `${ids} ${schemaMismatch}`);
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
          return {
            ...problem(429, "Too Many Requests", `${ids} Sync validation is limited to ${state.config.syncValidationPerMinute} requests per minute`),
            headers: { "Retry-After": String(Math.ceil((calls[0]! + 60_000 - receivedTimeMs) / 1000)) },
          };
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
        // The batch endpoint is documented with envelopes only; a bare message "has unknown xdm
        // format" whatever the inlet's data type (streaming-multiple-messages.md).
        const checked = messages.map((m) => ({
          m,
          bytes: Buffer.byteLength(JSON.stringify(m) ?? ""),
          ...(inlet.dataType === "raw" && !looksLikeEnvelope(m)
            ? { formatError: "Message has unknown xdm format" }
            : entityOf(state, inlet, m, a.requestFlowId)),
        }));
        // "500 Error in processing payload … Message payload schema not specified, or did not match
        // the XDM definition in Platform" (streaming-multiple-messages.md, Response codes): the whole
        // request fails and nothing of it is ingested.
        const mismatch = checked.find((c) => c.schemaMismatch);
        if (mismatch) return problem(500, "Internal Server Error", `${ids} ${mismatch.schemaMismatch}`);
        const responses = checked.map(({ bytes, entity, formatError }, i) => {
          if (bytes > state.config.maxBodyBytes) return { statusCode: 413, message: `${ids} Message exceeds ${state.config.maxBodyBytes} bytes` };
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
