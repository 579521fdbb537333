import { defaultSchemaModel, type XdmValidationError } from "@/lib/xdm";
import { getXdmValidator } from "@/lib/xdm/validator";
import { compileForSchema, type CompiledMapping } from "@/lib/mapping-engine";
import { mapAndValidate } from "@/lib/mapping-engine/preview";
import type { AdobeState, Inlet } from "./state";

/**
 * What DCS hands to the dataset: the XDM entity of an envelope, or a raw body.
 * XDM inlets (help/ingestion/tutorials/streaming-multiple-messages.md, "Send request payload with
 * valid and invalid messages"): a message without `header` and `body` "has unknown xdm format";
 * `imsOrgId` must match the inlet (DCCS fills it in when absent); `datasetId` must be an existing
 * dataset whose schema matches `header.schemaRef`. The flow id is required "for both XDM and RAW
 * data" (help/sources/tutorials/api/create/streaming/http.md): `header.flowId` or the request's
 * `x-adobe-flow-id`. `schemaMismatch` is reported apart: the batch route answers it with a 500.
 */
export function entityOf(
  state: AdobeState,
  inlet: Inlet,
  message: unknown,
  requestFlowId?: string,
): { entity?: unknown; formatError?: string; schemaMismatch?: string } {
  if (inlet.dataType !== "xdm") return { entity: message };
  const m = message as
    | { header?: { schemaRef?: { id?: unknown }; imsOrgId?: unknown; datasetId?: unknown; flowId?: unknown }; body?: { xdmEntity?: unknown } }
    | undefined;
  if (!m || typeof m !== "object" || !m.header || !m.body || !m.header.schemaRef || !m.body.xdmEntity) return { formatError: "Message has unknown xdm format" };
  if (m.header.imsOrgId !== undefined && m.header.imsOrgId !== inlet.orgId) {
    return { formatError: "Message has an absent or wrong ims org in the header" };
  }
  const flowId = typeof m.header.flowId === "string" ? m.header.flowId : requestFlowId;
  if (!flowId) return { formatError: "flowId is required in the message header or the x-adobe-flow-id header" };
  if (flowId !== inlet.flowId) return { formatError: `flowId: [${flowId}] Dataflow is not associated with this inlet` };
  const datasetId = typeof m.header.datasetId === "string" ? m.header.datasetId : inlet.datasetId;
  const dataset = state.datasets.get(datasetId);
  if (!dataset) return { formatError: `datasetId: [${datasetId}] Dataset not found` };
  if (m.header.schemaRef.id !== dataset.schemaId) {
    return {
      schemaMismatch: `Message payload schema [${String(m.header.schemaRef.id)}] did not match the XDM schema [${dataset.schemaId}] of dataset [${datasetId}]`,
    };
  }
  return { entity: m.body.xdmEntity };
}

/**
 * Validates an entity against the inlet's schema (the default RainFocus schema of its tenant
 * unless one was uploaded). A raw body without `_id` is a source payload that AEP's Data Prep
 * would map: the emulator has no mapping set, so it passes such bodies through as ingested.
 */
export function validateEntity(inlet: Inlet, entity: unknown, maxErrors: number): XdmValidationError[] {
  const isXdm = inlet.dataType === "xdm" || (entity !== null && typeof entity === "object" && "_id" in entity);
  if (!isXdm) return [];
  const model = inlet.schema ?? defaultSchemaModel(inlet.tenantId);
  return getXdmValidator(model, { maxErrors })(entity, maxErrors);
}

const compiledSets = new Map<string, CompiledMapping>();

/**
 * A raw dataflow with a Data Prep mapping set maps each body into XDM before validation
 * (help/data-prep/home.md): run with Relay's engine, whose functions follow Data Prep's
 * (lib/mapping-engine), against the inlet's schema. "A transformation error sets that attribute to
 * null and the row is still ingested"; a row that is invalid XDM fails (help/data-prep/data-handling.md).
 */
function dataPrep(state: AdobeState, inlet: Inlet, body: unknown): { output: Record<string, unknown>; errors: XdmValidationError[] } | undefined {
  if (inlet.dataType !== "raw" || !inlet.mapping) return undefined;
  const set = state.mappingSets.get(inlet.mapping.id);
  if (!set) return undefined;
  const model = inlet.schema ?? defaultSchemaModel(inlet.tenantId);
  const key = `${set.id}:${set.version}:${inlet.inletId}`;
  let compiled = compiledSets.get(key);
  if (!compiled) compiledSets.set(key, (compiled = compileForSchema(set.rules, model)));
  try {
    const r = mapAndValidate(compiled, model, body);
    return {
      output: r.output,
      errors: r.validation.map((v) => ({ schemaLocation: "#", pointerToViolation: v.pointerToViolation, keyword: v.keyword, message: v.message })),
    };
  } catch (e) {
    // A body Data Prep cannot read at all (refused by the engine's payload guard) fails its row.
    return { output: {}, errors: [{ schemaLocation: "#", pointerToViolation: "#", keyword: "format", message: (e as Error).message }] };
  }
}

/** Records one message for runs and Insights, as the async pipeline would. */
export function ingest(state: AdobeState, inlet: Inlet, flowId: string, entity: unknown, bytes: number, sync?: XdmValidationError[]): void {
  const at = Date.now();
  const base = { at, inletId: inlet.inletId, flowId, bytes };
  const mapped = sync ? undefined : dataPrep(state, inlet, entity);
  if (mapped) {
    if (at - inlet.createdAt < state.config.flowWarmupMs) return void state.ingested.push({ ...base, outcome: "dropped" });
    const keywords = mapped.errors.map((e) => e.keyword);
    state.ingested.push(
      keywords.length ? { ...base, outcome: "failed", keywords, output: mapped.output } : { ...base, outcome: "success", output: mapped.output },
    );
    return;
  }
  if (sync && sync.length > 0) {
    state.ingested.push({ ...base, outcome: "rejected", keywords: sync.map((e) => e.keyword) });
    return;
  }
  if (at - inlet.createdAt < state.config.flowWarmupMs) {
    state.ingested.push({ ...base, outcome: "dropped" });
    return;
  }
  const errors = sync ?? validateEntity(inlet, entity, 0);
  state.ingested.push(errors.length ? { ...base, outcome: "failed", keywords: errors.map((e) => e.keyword) } : { ...base, outcome: "success" });
}

let xactionSeq = 0;
export function newXactionId(): string {
  return `${Date.now()}:${Math.floor(Math.random() * 9000) + 1000}:${++xactionSeq}`;
}
