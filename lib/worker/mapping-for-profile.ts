import {
  compileForSchema,
  defaultDestinationMapping,
  defaultSourceMapping,
  PayloadRejectedError,
  resolveSchemaModel,
  type CompiledMapping,
  type MappingRule,
} from "../mapping-engine";
import { mapAndValidate } from "../mapping-engine/preview";
import type { XdmSchemaModel } from "../xdm";

/**
 * The mapping a profile's deliveries use: its latest published version (recorded in
 * Delivery.mappingVersion), or else the default mapping for the profile's direction with
 * `version: null` ("default", recorded as NULL).
 */
export interface ProfileMapping {
  rules: readonly MappingRule[];
  version: number | null;
  /** XDM schema the output is validated against (SOURCE only). */
  model?: XdmSchemaModel;
}

export type PublishedMapping = { version: number; rules: MappingRule[]; schema: unknown | null };
export type MappingProfile = { id?: string; direction: "SOURCE" | "DESTINATION"; tenantId: string | null; published?: PublishedMapping };

/** The latest published version when there is one (the editor's Publish), else the default. */
export function mappingForProfile(profile: MappingProfile): ProfileMapping {
  const pub = profile.published;
  if (pub) {
    if (profile.direction === "DESTINATION") return { rules: pub.rules, version: pub.version };
    if (!pub.schema && !profile.tenantId) throw new MappingUnavailableError("The profile has no AEP tenant ID, so its events cannot be mapped to XDM.");
    return { rules: pub.rules, version: pub.version, model: resolveSchemaModel(pub.schema ?? undefined, profile.tenantId ?? undefined) };
  }
  if (profile.direction === "DESTINATION") return { rules: defaultDestinationMapping(), version: null };
  if (!profile.tenantId) throw new MappingUnavailableError("The profile has no AEP tenant ID, so its events cannot be mapped to XDM.");
  return { rules: defaultSourceMapping(profile.tenantId), version: null, model: resolveSchemaModel(undefined, profile.tenantId) };
}

export class MappingUnavailableError extends Error {}

export type MapResult = { ok: true; output: Record<string, unknown>; warnings: string[] } | { ok: false; output?: Record<string, unknown>; error: string };

/** A compiled mapping plus its version; compile once per worker and reuse (it is immutable). */
export interface PreparedMapping {
  version: number | null;
  map(payload: unknown): MapResult;
}

export function prepareMapping(m: ProfileMapping): PreparedMapping {
  const compiled: CompiledMapping = compileForSchema(m.rules, m.model);
  return {
    version: m.version,
    map(payload) {
      let r;
      try {
        r = mapAndValidate(compiled, m.model, payload);
      } catch (e) {
        if (e instanceof PayloadRejectedError) return { ok: false, error: `Payload refused: ${e.message}` };
        throw e;
      }
      // A transform error nulls (omits) its field, as Data Prep does; only a required field left
      // empty or output that is not valid XDM stops the event from being sent.
      const required = r.errors.filter((e) => e.message === "required field is empty");
      if (required.length || r.validation.length) {
        const parts = [...required.map((e) => `${e.target}: ${e.message}`), ...r.validation.map((v) => `${v.pointerToViolation}: ${v.message}`)];
        return { ok: false, output: r.output, error: `Mapped output is not valid: ${parts.slice(0, 5).join("; ")}` };
      }
      return { ok: true, output: r.output, warnings: r.errors.map((e) => `${e.target}: ${e.message}`) };
    },
  };
}

/** Per-process cache: profiles sharing direction and tenant share one compiled mapping. */
export class MappingCache {
  private readonly cache = new Map<string, PreparedMapping>();

  forProfile(profile: MappingProfile): PreparedMapping {
    // A published mapping is per profile and version; defaults are shared by direction and tenant.
    const key = profile.published ? `v:${profile.id}:${profile.published.version}` : `${profile.direction}:${profile.tenantId ?? ""}`;
    let m = this.cache.get(key);
    if (!m) {
      m = prepareMapping(mappingForProfile(profile));
      this.cache.set(key, m);
    }
    return m;
  }
}
