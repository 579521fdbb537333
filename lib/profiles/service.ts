import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { ActionError } from "@/lib/actions/define-action";
import { openSecret, sealSecret } from "@/lib/crypto/keys";
import { toProfileView, type ProfileView } from "./view";
import { isReady, readinessInput } from "./readiness";

type Ctx = { actor: Pick<Actor, "id" | "email">; ip: string | null };

const WITH_PUSH_TYPES = { pushTypes: true } as const;

export async function getProfileOrThrow(id: string): Promise<ProfileView> {
  const [row, published] = await Promise.all([db.integrationProfile.findFirst({ where: { id, deletedAt: null }, include: WITH_PUSH_TYPES }), publishedVersionOf(db, id)]);
  if (!row) throw new ActionError("This profile does not exist or was deleted.", "not_found");
  return toProfileView(row, published);
}

/** The latest published mapping version of a profile, or null. */
export async function publishedVersionOf(client: Pick<typeof db, "mappingVersion">, profileId: string): Promise<number | null> {
  const v = await client.mappingVersion.findFirst({ where: { profileId }, orderBy: { version: "desc" }, select: { version: true } });
  return v?.version ?? null;
}

/** DRAFT ⇄ READY after something outside the profile row changed its checklist (a published mapping). */
export async function syncReadiness(profileId: string): Promise<void> {
  const view = await getProfileOrThrow(profileId);
  const ready = isReady(readinessInput(view));
  const next = view.status === "DRAFT" && ready ? "READY" : view.status === "READY" && !ready ? "DRAFT" : null;
  if (next) await db.integrationProfile.updateMany({ where: { id: profileId, status: view.status }, data: { status: next } });
}

/** The raw row with sealed columns, for server-side use only (connection tests, delivery). */
export async function getProfileRowOrThrow(id: string) {
  const row = await db.integrationProfile.findFirst({ where: { id, deletedAt: null }, include: WITH_PUSH_TYPES });
  if (!row) throw new ActionError("This profile does not exist or was deleted.", "not_found");
  return row;
}

/** An AEP-like inlet id: 64 hex characters (AEP's look the same), unguessable, used as a capability. */
export function newInletId(): string {
  return randomBytes(32).toString("hex");
}

export function newInboundSecret(): string {
  return "rfin_" + randomBytes(24).toString("base64url");
}

export async function createProfile(
  input: { name: string; direction: "SOURCE" | "DESTINATION"; eventCode: string; rainfocusEnvironment: "dev" | "prod" },
  { actor, ip }: Ctx,
) {
  const inboundSecret = newInboundSecret();
  const row = await db.integrationProfile.create({
    data: {
      ...input,
      createdById: actor.id,
      inboundSecretSealed: sealSecret(inboundSecret),
      inboundSecretRotatedAt: new Date(),
      // RainFocus → AEP profiles get their AEP-compatible inlet at once (RainFocus posts there).
      ...(input.direction === "SOURCE" ? { inletId: newInletId() } : {}),
    },
    include: WITH_PUSH_TYPES,
  });
  const view = toProfileView(row);
  await writeAudit({ actor, action: "profile.create", targetType: "IntegrationProfile", targetId: row.id, after: view, ip });
  return { profile: view, inboundSecret };
}

/**
 * Every edit goes through here, in one transaction: optimistic concurrency on `version` (a stale
 * form gets a clear conflict instead of overwriting someone else's change), the push types,
 * DRAFT ⇄ READY kept in step with the checklist, and the audit event with before/after views
 * (masks only, never secrets). A failure anywhere leaves the profile and the audit log untouched.
 */
export async function updateProfile(
  profileId: string,
  version: number,
  data: Prisma.IntegrationProfileUpdateManyMutationInput,
  action: string,
  { actor, ip }: Ctx,
  pushTypes?: string[],
) {
  return db.$transaction(async (tx) => {
    const read = async () => {
      const row = await tx.integrationProfile.findFirst({ where: { id: profileId, deletedAt: null }, include: WITH_PUSH_TYPES });
      if (!row) throw new ActionError("This profile does not exist or was deleted.", "not_found");
      return toProfileView(row, await publishedVersionOf(tx, profileId));
    };
    const before = await read();
    const updated = await tx.integrationProfile.updateMany({ where: { id: profileId, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) {
      throw new ActionError("Someone else changed this profile since you opened it. Reload to see their changes, then apply yours again.", "conflict");
    }
    if (pushTypes) {
      await tx.profilePushType.deleteMany({ where: { profileId, pushType: { notIn: pushTypes } } });
      await tx.profilePushType.createMany({ data: pushTypes.map((pushType) => ({ profileId, pushType })), skipDuplicates: true });
    }
    let after = await read();
    const ready = isReady(readinessInput(after));
    const nextStatus = after.status === "DRAFT" && ready ? "READY" : after.status === "READY" && !ready ? "DRAFT" : null;
    if (nextStatus) {
      await tx.integrationProfile.update({ where: { id: profileId }, data: { status: nextStatus } });
      after = { ...after, status: nextStatus };
    }
    await writeAudit({ actor, action, targetType: "IntegrationProfile", targetId: profileId, before, after, ip }, tx);
    return after;
  });
}

/** Saves one section's (or, from the REST PATCH, several sections') checked change. */
export function saveChange(profileId: string, version: number, change: { data: Prisma.IntegrationProfileUpdateManyMutationInput; pushTypes?: string[] }, action: string, ctx: Ctx) {
  return updateProfile(profileId, version, change.data, action, ctx, change.pushTypes);
}

export function sealIfGiven(value: string | undefined): string | undefined {
  return value === undefined ? undefined : sealSecret(value);
}

export { openSecret };
