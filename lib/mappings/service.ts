import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { defaultDestinationMapping, defaultSourceMapping, type MappingRule } from "@/lib/mapping-engine";
import { buildSchemaModel } from "@/lib/xdm";
import { getProfileOrThrow } from "@/lib/profiles/service";
import { changeProfileIn } from "@/lib/profiles/change-profile";
import { listPushTypes } from "@/lib/push-type-options";
import { diffRules, summarizeChanges } from "./diff";
import { latestPublishedMapping } from "./published";
import { checkMapping, checkSample } from "./validate";
import { getAepSchema } from "./aep-schema";
import { DESTINATION_SAMPLES } from "./default-samples";
import type { SaveDraft } from "./schemas";

type Ctx = { actor: Pick<Actor, "id" | "email">; ip: string | null };
export type Sample = { name: string; payload: Record<string, unknown> };
export type DraftView = { rules: MappingRule[]; samples: Sample[]; schema: Record<string, unknown> | null; revision: number; updatedAt: Date | null };

const json = (v: unknown) => v as Prisma.InputJsonValue;

/** The draft, created on first open from the latest published version or the direction's default. */
export async function getDraft(profileId: string): Promise<DraftView> {
  const profile = await getProfileOrThrow(profileId);
  const row = await db.mappingDraft.findUnique({ where: { profileId } });
  if (row)
    return {
      rules: row.rules as unknown as MappingRule[],
      samples: row.samples as unknown as Sample[],
      schema: row.schema as DraftView["schema"],
      revision: row.revision,
      updatedAt: row.updatedAt,
    };
  const latest = await latestPublishedMapping(db, profileId);
  const catalog = await listPushTypes();
  const samples: Sample[] =
    profile.direction === "SOURCE"
      ? catalog.filter((p) => profile.pushTypes.includes(p.name)).map((p) => ({ name: p.name, payload: p.sample as Record<string, unknown> }))
      : DESTINATION_SAMPLES.map((s) => ({ ...s, payload: s.payload as Record<string, unknown> }));
  const rules =
    (latest?.rules as unknown as MappingRule[] | undefined) ??
    (profile.direction === "SOURCE" ? defaultSourceMapping(profile.tenantId ?? "tenant") : defaultDestinationMapping());
  return { rules, samples, schema: uploadedOnly(latest?.schema, profile), revision: 0, updatedAt: null };
}

/**
 * A version's schema as a draft's upload: not when it is the schema fetched from AEP (publish
 * stores the schema it validated against), so the draft keeps following the fetched schema.
 */
function uploadedOnly(schema: unknown, profile: Awaited<ReturnType<typeof getProfileOrThrow>>): DraftView["schema"] {
  const s = (schema as DraftView["schema"]) ?? null;
  const aepId = profile.delivery.discovered?.schemaId;
  return s && aepId && s.$id === aepId ? null : s;
}

/** Autosave: refuses a stale revision with the stored draft, so the editor can show both. */
export async function saveDraft(input: SaveDraft, { actor }: Ctx): Promise<DraftView> {
  await getProfileOrThrow(input.profileId);
  for (const s of input.samples) {
    const problem = checkSample(s.payload);
    if (problem) throw new DomainError(`Sample "${s.name}": ${problem}`, "invalid");
  }
  if (input.schema) {
    try {
      buildSchemaModel(input.schema);
    } catch (e) {
      throw new DomainError(`The uploaded schema is not an XDM JSON schema: ${(e as Error).message}`, "invalid");
    }
  }
  const data = { rules: json(input.rules), samples: json(input.samples), schema: input.schema ? json(input.schema) : Prisma.DbNull, updatedById: actor.id };
  const updated =
    input.revision === 0
      ? await db.mappingDraft.createMany({ data: [{ profileId: input.profileId, ...data, revision: 1 }], skipDuplicates: true })
      : await db.mappingDraft.updateMany({ where: { profileId: input.profileId, revision: input.revision }, data: { ...data, revision: { increment: 1 } } });
  if (updated.count === 0) {
    throw new DomainError("Someone else saved this mapping since you opened it.", "conflict");
  }
  return getDraft(input.profileId);
}

export async function listVersions(profileId: string) {
  return db.mappingVersion.findMany({
    where: { profileId },
    orderBy: { version: "desc" },
    select: { version: true, publishedAt: true, publishedByEmail: true, rules: true },
  });
}

export async function getVersionOrThrow(profileId: string, version: number) {
  const row = await db.mappingVersion.findUnique({ where: { profileId_version: { profileId, version } } });
  if (!row) throw new DomainError(`Version ${version} does not exist.`, "not_found");
  return row;
}

/**
 * Publish: every sample must map to valid XDM, or nothing is published. Idempotent per draft
 * revision: the same revision published twice is one version.
 */
export async function publish(profileId: string, revision: number, { actor, ip }: Ctx) {
  const profile = await getProfileOrThrow(profileId);
  const published = await publishedFrom(db, profileId, revision);
  if (published) return published;
  const draft = await getDraft(profileId);
  if (draft.revision !== revision) throw new DomainError("The draft changed since you opened it. Reload before publishing.", "conflict");
  // An uploaded schema wins; else the one fetched from the Schema Registry; else the default.
  const schema = draft.schema ?? (await getAepSchema(profileId))?.schema ?? null;
  if (profile.direction === "SOURCE" && !profile.tenantId && !schema)
    throw new DomainError("Set the XDM tenant ID (Credentials) or upload a schema before publishing.", "invalid");
  if (draft.samples.length === 0) throw new DomainError("Add at least one sample payload: Publish validates the mapping against every sample.", "invalid");
  const check = checkMapping(draft.rules, draft.samples, { schema, tenantId: profile.tenantId, direction: profile.direction });
  if (check.compileError) throw new DomainError(`The mapping does not compile: ${check.compileError}`, "invalid");
  const failing = check.samples.filter((s) => !s.ok);
  if (failing.length) {
    throw new DomainError(`Not published: ${failing.map((f) => `"${f.sample}" → ${f.problems.slice(0, 3).join("; ")}`).join(" | ")}`, "invalid");
  }
  const result = await db.$transaction(async (tx) => {
    // One publisher per profile at a time; then the draft revision decides: published already
    // (a double click, two tabs, a retried request) returns that version instead of a duplicate.
    // Two concurrent publishes used to make two versions of one draft, or a 500 on (profileId, version).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mapping.publish:${profileId}`}))`;
    const same = await publishedFrom(tx, profileId, revision);
    if (same) return same;
    const stored = await tx.mappingDraft.findUnique({ where: { profileId }, select: { revision: true } });
    if ((stored?.revision ?? 0) !== revision) throw new DomainError("The draft changed since you opened it. Reload before publishing.", "conflict");
    const previous = await latestPublishedMapping(tx, profileId);
    const version = (previous?.version ?? 0) + 1;
    const row = await tx.mappingVersion.create({
      data: {
        profileId,
        version,
        draftRevision: revision,
        rules: json(draft.rules),
        schema: schema ? json(schema) : Prisma.DbNull,
        publishedById: actor.id,
        publishedByEmail: actor.email,
      },
    });
    const changes = diffRules((previous?.rules as unknown as MappingRule[] | undefined) ?? [], draft.rules).filter((c) => c.kind !== "same");
    // Through the profile's one change path: a first published mapping can complete the checklist
    // (DRAFT → READY), recomputed in this transaction with the audit event.
    const audit = {
      action: "mapping.publish" as const,
      before: { version: previous?.version ?? null },
      after: { version, summary: summarizeChanges(changes), changes },
    };
    await changeProfileIn(tx, profileId, { audit }, { actor, ip });
    return { version: row.version, publishedAt: row.publishedAt, alreadyPublished: false };
  });
  return result;
}

async function publishedFrom(client: Pick<Prisma.TransactionClient, "mappingVersion">, profileId: string, draftRevision: number) {
  const row = await client.mappingVersion.findUnique({
    where: { profileId_draftRevision: { profileId, draftRevision } },
    select: { version: true, publishedAt: true },
  });
  return row ? { ...row, alreadyPublished: true } : null;
}

/** Restore a published version as the new draft (publishing it again makes a new version). */
export async function restoreVersion(profileId: string, version: number, revision: number, ctx: Ctx) {
  const [v, profile] = await Promise.all([getVersionOrThrow(profileId, version), getProfileOrThrow(profileId)]);
  const draft = await getDraft(profileId);
  const saved = await saveDraft(
    { profileId, revision, rules: v.rules as unknown as MappingRule[], samples: draft.samples, schema: uploadedOnly(v.schema, profile) },
    ctx,
  );
  await writeAudit(db, {
    actor: ctx.actor,
    action: "mapping.restore",
    targetType: "IntegrationProfile",
    targetId: profileId,
    after: { restoredVersion: version },
    ip: ctx.ip,
  });
  return saved;
}
