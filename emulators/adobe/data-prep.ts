import { compile, type MappingRule } from "@/lib/mapping-engine";
import type { Reply, Route } from "../kit/server";
import { checkGateway } from "./gateway";
import type { AdobeState } from "./state";

const bad = (message: string): Reply => ({ status: 400, body: { error_code: "400", message } });
let seq = 0;

/**
 * Reads the documented mapping shape (help/data-prep/mapping-set.md: {sourceType ATTRIBUTE |
 * STATIC | EXPRESSION, source, destination}) on its own, not through Relay's exporter: the emulator
 * holds the client to the document.
 */
function rulesOf(body: unknown): { ok: true; rules: MappingRule[] } | { ok: false; error: string } {
  const mappings = (body as { mappings?: unknown } | undefined)?.mappings;
  if (!Array.isArray(mappings) || mappings.length === 0) return { ok: false, error: "mappings must be a non-empty array" };
  const rules: MappingRule[] = [];
  for (const [i, m] of mappings.entries()) {
    const { sourceType, source, destination } = (m ?? {}) as { sourceType?: unknown; source?: unknown; destination?: unknown };
    if (typeof source !== "string" || typeof destination !== "string" || !destination)
      return { ok: false, error: `mappings[${i}]: source and destination are required` };
    if (sourceType === "ATTRIBUTE") rules.push({ target: destination, source });
    else if (sourceType === "EXPRESSION") rules.push({ target: destination, expression: source });
    else if (sourceType === "STATIC") rules.push({ target: destination, value: source });
    else return { ok: false, error: `mappings[${i}]: unknown sourceType` };
  }
  return { ok: true, rules };
}

/**
 * The Data Prep mapping-set API (help/data-prep/api/mapping-set.md) and the Flow Service PATCH that
 * attaches a set to a dataflow (help/sources/tutorials/api/update-dataflows.md, "Update mapping":
 * If-Match etag, `[{op:"replace", path:"/transformations/0", value:{name:"Mapping", params:{mappingId, mappingVersion}}}]`).
 */
export function dataPrepRoutes(state: AdobeState): Route[] {
  return [
    {
      id: "dataprep.mappingSets.create",
      method: "POST",
      pattern: /^\/data\/foundation\/conversion\/mappingSets$/,
      handle: (ctx) => {
        const g = checkGateway(ctx, state);
        if (!g.ok) return g.reply;
        const body = ctx.json as Record<string, unknown> | undefined;
        const ref = (body?.outputSchema as { schemaRef?: { id?: unknown } } | undefined)?.schemaRef;
        if (typeof ref?.id !== "string") return bad("outputSchema.schemaRef.id is required");
        const r = rulesOf(body);
        if (!r.ok) return bad(r.error);
        try {
          compile(r.rules);
        } catch (e) {
          return bad(`Invalid mapping: ${(e as Error).message}`);
        }
        const id = `${Date.now().toString(16)}${(++seq).toString(16).padStart(8, "0")}`.slice(-32);
        const now = new Date().toISOString();
        state.mappingSets.set(id, { id, version: 0, body: body!, rules: r.rules, createdDate: now });
        return { status: 200, body: { id, version: 0, createdDate: now, modifiedDate: now, createdBy: g.token.clientId, modifiedBy: g.token.clientId } };
      },
    },
    {
      id: "dataprep.mappingSets.get",
      method: "GET",
      pattern: /^\/data\/foundation\/conversion\/mappingSets\/(?<id>[^/]+)$/,
      handle: (ctx) => {
        const g = checkGateway(ctx, state);
        if (!g.ok) return g.reply;
        const s = state.mappingSets.get(ctx.params.id!);
        if (!s) return { status: 404, body: { error_code: "404", message: "Mapping set not found" } };
        return { status: 200, body: { ...s.body, id: s.id, version: s.version, status: "PUBLISHED", createdDate: s.createdDate, modifiedDate: s.createdDate } };
      },
    },
    {
      id: "flow.flows.patch",
      method: "PATCH",
      pattern: /^\/data\/foundation\/flowservice\/flows\/(?<flowId>[^/]+)$/,
      handle: (ctx) => {
        const g = checkGateway(ctx, state);
        if (!g.ok) return g.reply;
        const inlet = [...state.inlets.values()].find((i) => i.flowId === ctx.params.flowId);
        if (!inlet) return { status: 404, body: { error_code: "404", message: "Flow not found" } };
        // "The If-Match header is required when making a PATCH request."
        if (ctx.headers["if-match"] !== inlet.etag)
          return { status: 412, body: { error_code: "412", message: "If-Match does not match the dataflow's current etag" } };
        const ops = Array.isArray(ctx.json)
          ? (ctx.json as { op?: string; path?: string; value?: { name?: string; params?: { mappingId?: string; mappingVersion?: unknown } } }[])
          : [];
        const op = ops.find((o) => (o.op === "replace" || o.op === "add") && o.path === "/transformations/0" && o.value?.name === "Mapping");
        if (!op) return bad('Expected [{"op":"replace","path":"/transformations/0","value":{"name":"Mapping","params":{mappingId,mappingVersion}}}]');
        const set = state.mappingSets.get(op.value!.params?.mappingId ?? "");
        if (!set) return bad(`Mapping set ${String(op.value!.params?.mappingId)} not found`);
        inlet.mapping = { id: set.id, version: Number(op.value!.params?.mappingVersion ?? 0) };
        inlet.etag = `"${Math.random().toString(16).slice(2, 10)}-0000-0200-0000-${Date.now().toString(16).padStart(12, "0")}"`;
        return { status: 200, body: { id: inlet.flowId, etag: inlet.etag } };
      },
    },
  ];
}
