import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Retest } from "./changes";
import { assertNameFree } from "./service";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit, type AuditAction } from "@/lib/audit/write-audit";
import { DomainError } from "@/lib/errors";
import { toProfileView, type ProfileView } from "./view";
import { isReady, readinessInput, statusAfterChecklist } from "./readiness";
import { latestPublishedVersion } from "@/lib/mappings/published";

type Ctx = { actor: Pick<Actor, "id" | "email">; ip: string | null };

export type ProfileEdit = {
  /**
   * The version the editor opened: a stale one is refused with a conflict instead of overwriting a
   * colleague's change. "latest" is for a button that carries no version (activate, pause). Both
   * bump the version. Left out, the change is bookkeeping (a connection test's result, a publish)
   * that must not make the forms people have open stale.
   */
  version?: number | "latest";
  data?: Prisma.IntegrationProfileUpdateManyMutationInput;
  /** The profile's enabled push types, replacing the current ones. */
  pushTypes?: string[];
  /** Connection tests to clear when the change gives one of their fields a new value (see changes.ts). */
  retest?: Retest;
  /** Refuses the change from the profile as it is now (read inside the transaction); throws an DomainError. */
  check?: (before: ProfileView) => void;
  /** An action alone records the before/after views (masks only); an object says what to record instead. */
  audit: AuditAction | { action: AuditAction; before?: unknown; after?: unknown };
};

/** Every change to a profile, in its own transaction: see changeProfileIn. */
export function changeProfile(profileId: string, edit: ProfileEdit, ctx: Ctx): Promise<ProfileView> {
  return db.$transaction((tx) => changeProfileIn(tx, profileId, edit, ctx));
}

/**
 * The one way a profile changes, inside the caller's transaction (a mapping publish saves its
 * version in the same one): lock the row, read, check, apply, recompute DRAFT ⇄ READY from the
 * saved state, write the audit event. A failure anywhere leaves the profile and the audit log
 * untouched.
 */
export async function changeProfileIn(tx: Prisma.TransactionClient, profileId: string, edit: ProfileEdit, { actor, ip }: Ctx): Promise<ProfileView> {
  // NO KEY UPDATE: concurrent changes (an edit, a test result, a publish) wait for each other, so the
  // status is computed from what is saved, while inbound inserts referencing the profile go on.
  await tx.$queryRaw`SELECT 1 FROM "IntegrationProfile" WHERE id = ${profileId} FOR NO KEY UPDATE`;
  // `stored` is the same read as the view, with every column (sealed secrets included: compared, never returned).
  const { view: before, stored } = await readProfile(tx, profileId);
  edit.check?.(before);
  // A form saved as it was changes nothing: no new version (which would make a colleague's open
  // form stale), no audit event. A stale version is still a conflict.
  if (edit.data && !edit.pushTypes && typeof edit.audit === "string" && unchanged(stored, edit.data)) {
    if (typeof edit.version === "number" && edit.version !== before.version) throw staleEdit();
    return before;
  }
  const newName = edit.data?.name;
  if (typeof newName === "string" && newName.toLowerCase() !== before.name.toLowerCase()) await assertNameFree(tx, newName, profileId);
  const bump = edit.version !== undefined;
  if (bump || edit.data) {
    const where = { id: profileId, deletedAt: null, ...(typeof edit.version === "number" ? { version: edit.version } : {}) };
    const retested = edit.retest && edit.data ? testsToClear(stored, edit.data, edit.retest) : {};
    const updated = await tx.integrationProfile.updateMany({
      where,
      data: { ...edit.data, ...retested, ...(bump ? { version: { increment: 1 } } : {}) },
    });
    if (updated.count === 0) throw staleEdit();
  }
  if (edit.pushTypes) {
    await tx.profilePushType.deleteMany({ where: { profileId, pushType: { notIn: edit.pushTypes } } });
    await tx.profilePushType.createMany({ data: edit.pushTypes.map((pushType) => ({ profileId, pushType })), skipDuplicates: true });
  }
  let after = (await readProfile(tx, profileId)).view;
  const status = statusAfterChecklist(after.status, isReady(readinessInput(after)));
  if (status !== after.status) {
    await tx.integrationProfile.update({ where: { id: profileId }, data: { status } });
    after = { ...after, status };
  }
  const audit = typeof edit.audit === "string" ? { action: edit.audit, before, after } : edit.audit;
  await writeAudit(tx, { actor, action: audit.action, targetType: "IntegrationProfile", targetId: profileId, before: audit.before, after: audit.after, ip });
  return after;
}

function staleEdit(): DomainError {
  return new DomainError("Someone else changed this profile since you opened it. Reload to see their changes, then apply yours again.", "conflict");
}

function unchanged(row: Record<string, unknown>, data: Record<string, unknown>): boolean {
  return Object.entries(data).every(([k, v]) => v === undefined || sameValue(row[k], v));
}

/** `{ adobeTest: DbNull }` etc. for each test one of whose fields this change gives a new value. */
function testsToClear(row: Record<string, unknown>, data: Record<string, unknown>, retest: Retest) {
  const cleared: Record<string, typeof Prisma.DbNull> = {};
  for (const [test, fields] of Object.entries(retest)) {
    if (!unchanged(row, Object.fromEntries(fields.map((f) => [f, data[f]])))) cleared[test] = Prisma.DbNull;
  }
  return cleared;
}

/** A stored column against the value a change writes: DbNull is SQL NULL; JSON compares by content, whatever its key order. */
function sameValue(stored: unknown, next: unknown): boolean {
  if (next === Prisma.DbNull || next === null) return stored === null || stored === undefined;
  if (typeof next === "object") return stored !== null && typeof stored === "object" && canonical(stored) === canonical(next);
  return stored === next;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

async function readProfile(tx: Prisma.TransactionClient, profileId: string): Promise<{ view: ProfileView; stored: Record<string, unknown> }> {
  const row = await tx.integrationProfile.findFirst({ where: { id: profileId, deletedAt: null }, include: { pushTypes: true } });
  if (!row) throw new DomainError("This profile does not exist or was deleted.", "not_found");
  return { view: toProfileView(row, await latestPublishedVersion(tx, profileId)), stored: row };
}
