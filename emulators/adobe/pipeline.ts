import { defaultSchemaModel, type XdmValidationError } from "@/lib/xdm";
import { getXdmValidator } from "@/lib/xdm/validator";
import type { AdobeState, Inlet } from "./state";

/** What DCS hands to the dataset: the XDM entity of an envelope, or a raw body. */
export function entityOf(inlet: Inlet, message: unknown): { entity?: unknown; formatError?: string } {
  if (inlet.dataType === "xdm") {
    const m = message as { header?: { schemaRef?: unknown; imsOrgId?: unknown }; body?: { xdmEntity?: unknown } } | undefined;
    if (!m || typeof m !== "object" || !m.header?.schemaRef || !m.body?.xdmEntity) return { formatError: "Message has unknown xdm format" };
    // DCCS fills imsOrgId in when absent; a different org is refused.
    if (m.header.imsOrgId !== undefined && m.header.imsOrgId !== inlet.orgId) {
      return { formatError: "Message has an absent or wrong ims org in the header" };
    }
    return { entity: m.body.xdmEntity };
  }
  return { entity: message };
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

/** Records one message for runs and Insights, as the async pipeline would. */
export function ingest(state: AdobeState, inlet: Inlet, flowId: string, entity: unknown, bytes: number, sync?: XdmValidationError[]): void {
  const at = Date.now();
  const base = { at, inletId: inlet.inletId, flowId, bytes };
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
