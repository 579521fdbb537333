import "server-only";
import { db } from "@/lib/db";
import { latestPublishedMapping } from "@/lib/mappings/published";
import type { MappingRule } from "@/lib/mapping-engine";
import { resolveSchemaModel } from "@/lib/mapping-engine";
import { mappingForProfile, MappingUnavailableError, prepareMapping, type PublishedMapping } from "@/lib/worker/mapping-for-profile";
import type { XdmSchemaModel } from "@/lib/xdm";

// The mappings a delivery is compared against: the version it was sent with and the one the
// worker would use now (the latest published, else the direction's default).

type ProfileLike = { id: string; direction: "SOURCE" | "DESTINATION"; tenantId: string | null };

async function published(profileId: string, version?: number): Promise<PublishedMapping | undefined> {
  const v =
    version !== undefined
      ? await db.mappingVersion.findUnique({ where: { profileId_version: { profileId, version } } })
      : await latestPublishedMapping(db, profileId);
  return v ? { version: v.version, rules: v.rules as unknown as MappingRule[], schema: v.schema ?? null } : undefined;
}

/** The version number the worker maps with today (null = default mapping). */
export async function currentMappingVersion(profileId: string): Promise<number | null> {
  return (await published(profileId))?.version ?? null;
}

/** The XDM model a delivery's mapped payload is validated against (SOURCE only). */
export async function schemaModelFor(profile: ProfileLike, version: number | null): Promise<XdmSchemaModel | undefined> {
  if (profile.direction !== "SOURCE") return undefined;
  const pub = version !== null ? await published(profile.id, version) : undefined;
  try {
    return resolveSchemaModel(pub?.schema ?? undefined, profile.tenantId ?? undefined);
  } catch {
    return undefined;
  }
}

export type RemapResult = { version: number | null; ok: boolean; output?: Record<string, unknown>; error?: string; warnings?: string[] };

/** What the current mapping makes of a source payload: the "after" of fix-and-replay. */
export async function remapWithCurrent(profile: ProfileLike, payload: unknown): Promise<RemapResult> {
  const pub = await published(profile.id);
  try {
    const m = prepareMapping(mappingForProfile({ ...profile, ...(pub ? { published: pub } : {}) }));
    const r = m.map(payload);
    return r.ok
      ? { version: m.version, ok: true, output: r.output, warnings: r.warnings }
      : { version: m.version, ok: false, ...(r.output ? { output: r.output } : {}), error: r.error };
  } catch (e) {
    if (e instanceof MappingUnavailableError) return { version: pub?.version ?? null, ok: false, error: e.message };
    throw e;
  }
}
