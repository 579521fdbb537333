import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { DomainError } from "@/lib/errors";
import { latestPublishedVersion } from "@/lib/mappings/published";
import { openSecret, sealSecret } from "@/lib/crypto/keys";
import { toProfileView, type ProfileView } from "./view";

type Ctx = { actor: Pick<Actor, "id" | "email">; ip: string | null };

const WITH_PUSH_TYPES = { pushTypes: true } as const;

export async function getProfileOrThrow(id: string): Promise<ProfileView> {
  const [row, published] = await Promise.all([
    db.integrationProfile.findFirst({ where: { id, deletedAt: null }, include: WITH_PUSH_TYPES }),
    latestPublishedVersion(db, id),
  ]);
  if (!row) throw new DomainError("This profile does not exist or was deleted.", "not_found");
  return toProfileView(row, published);
}

/** The raw row with sealed columns, for server-side use only (connection tests, delivery). */
export async function getProfileRowOrThrow(id: string) {
  const row = await db.integrationProfile.findFirst({ where: { id, deletedAt: null }, include: WITH_PUSH_TYPES });
  if (!row) throw new DomainError("This profile does not exist or was deleted.", "not_found");
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
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const row = await tx.integrationProfile.create({
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
    await writeAudit(tx, { actor, action: "profile.create", targetType: "IntegrationProfile", targetId: row.id, after: view, ip });
    return { profile: view, inboundSecret };
  });
}

/**
 * Profiles are told apart by name: in the list, the dashboard, every profile filter, and deletion,
 * which asks for the exact name. A second live profile with the same name (any case) is refused.
 * The transaction-scoped advisory lock serialises two saves of one name, so both cannot pass.
 */
export async function assertNameFree(tx: Prisma.TransactionClient, name: string, exceptId?: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(lower(${name})))`;
  const clash = await tx.integrationProfile.findFirst({
    where: { deletedAt: null, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) {
    const message = `A profile named “${name}” already exists: choose another name.`;
    throw new DomainError(message, "invalid", { name: [message] });
  }
}

export function sealIfGiven(value: string | undefined): string | undefined {
  return value === undefined ? undefined : sealSecret(value);
}

export { openSecret };
