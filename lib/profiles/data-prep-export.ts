import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { publishMappingSet, toMappingSet, XDM_FULL_CONTENT_TYPE, type DataPrepMappingSet } from "@/lib/adobe";
import { defaultSourceMapping, type MappingRule } from "@/lib/mapping-engine";
import { adobeCredentialsOf, consoleAdobeClients, refreshDataflowTarget } from "./dataflow-target";
import { getProfileRowOrThrow } from "./service";
import { latestPublishedMapping } from "@/lib/mappings/published";

export type ProfileMappingSet = { set: DataPrepMappingSet; warnings: string[]; fileName: string; mappingVersion: number | null };

/**
 * The profile's mapping — the latest published version, or the default one — as the Data Prep
 * mapping set a raw dataflow (AEP maps) runs, with the dataflow's schema as output schema.
 */
export async function buildProfileMappingSet(profileId: string): Promise<ProfileMappingSet> {
  let row = await getProfileRowOrThrow(profileId);
  if (row.direction !== "SOURCE") throw new DomainError("Only RainFocus → AEP profiles have a Data Prep mapping.", "invalid");
  if (!row.aepSchemaId) {
    const t = await refreshDataflowTarget(row);
    if (!t.ok) throw new DomainError(`The mapping set names the dataflow's XDM schema, which Relay could not read: ${t.message}`, "invalid");
    row = await getProfileRowOrThrow(profileId);
  }
  const latest = await latestPublishedMapping(db, profileId);
  if (!latest && !row.tenantId) throw new DomainError("The profile has no AEP tenant ID and no published mapping to export.", "invalid");
  const rules = latest ? (latest.rules as unknown as MappingRule[]) : defaultSourceMapping(row.tenantId!);
  const label = latest ? `mapping v${latest.version}` : "default mapping";
  const schemaRef = { id: row.aepSchemaId!, contentType: XDM_FULL_CONTENT_TYPE };
  const { set, warnings } = toMappingSet(rules, { schemaRef, name: `Relay: ${row.name} (${label})`.slice(0, 200) });
  const fileName = `${row.name.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 60) || "profile"}-data-prep-mapping-set.json`;
  return { set, warnings, fileName, mappingVersion: latest?.version ?? null };
}

/** Creates the set through Data Prep and attaches it to the profile's dataflow with its Adobe credentials. */
export async function publishProfileMappingSet(profileId: string): Promise<{ mappingId: string; mappingVersion: number; warnings: string[] }> {
  const built = await buildProfileMappingSet(profileId);
  const row = await getProfileRowOrThrow(profileId);
  const creds = adobeCredentialsOf(row);
  if (!creds || !row.dataflowId) throw new DomainError("Publishing needs the profile's Adobe credentials and dataflow ID.", "invalid");
  const r = await publishMappingSet(consoleAdobeClients().platform(creds), row.dataflowId, built.set);
  if (!r.ok) throw new DomainError(r.message, "invalid");
  return { mappingId: r.mappingId, mappingVersion: r.mappingVersion, warnings: built.warnings };
}
