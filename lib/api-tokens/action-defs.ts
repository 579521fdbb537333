import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { listAllApiTokens, listApiTokens } from "./queries";
import { CAN } from "@/lib/auth/roles";
import { generateApiToken, hashApiToken } from "@/lib/api-tokens/token";
import { writeAudit } from "@/lib/audit/write-audit";
import { ActionError, defineAction } from "@/lib/actions/define-action";
import { CreateApiTokenSchema, RevokeApiTokenSchema, tokenExpiresAt } from "./schemas";

export const createApiToken = defineAction({
  name: "apiTokens.create",
  roles: CAN.manageUsers,
  input: CreateApiTokenSchema,
  async handler({ name, expiresInDays }, { actor, ip }) {
    const token = generateApiToken();
    const row = await db.$transaction(async (tx) => {
      const created = await tx.apiToken.create({
        data: { userId: actor.id, name, tokenHash: hashApiToken(token), prefix: token.slice(0, 10), expiresAt: tokenExpiresAt(expiresInDays) },
        select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true },
      });
      await writeAudit(tx, { actor, action: "apiToken.create", targetType: "ApiToken", targetId: created.id, after: created, ip });
      return created;
    });
    return { ...row, token }; // shown once
  },
});

export const revokeApiToken = defineAction({
  name: "apiTokens.revoke",
  roles: CAN.manageUsers,
  input: RevokeApiTokenSchema,
  async handler({ tokenId }, { actor, ip }) {
    // Admins may revoke anyone's token (a leaked CI token, someone who left); the owner comes from
    // the record and is named in the audit event.
    const token = await db.apiToken.findFirst({ where: { id: tokenId }, include: { user: { select: { id: true, email: true } } } });
    if (!token) throw new ActionError("Token not found.", "not_found");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    return db.$transaction(async (tx) => {
      const row = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: { id: true, revokedAt: true } });
      await writeAudit(tx, {
        actor,
        action: "apiToken.revoke",
        targetType: "ApiToken",
        targetId: tokenId,
        after: { name: token.name, prefix: token.prefix, ownerId: token.user.id, ownerEmail: token.user.email },
        ip,
      });
      return row;
    });
  },
});

export const listApiTokensDef = defineAction({
  name: "apiTokens.list",
  roles: CAN.manageUsers,
  input: z.object({}).optional(),
  async handler(_input, { actor }) {
    return listApiTokens(actor.id);
  },
});

/** Every user's tokens (name, prefix, owner, use, expiry; never the hash), for admins to review and revoke. */
export const listAllApiTokensDef = defineAction({
  name: "apiTokens.listAll",
  roles: CAN.manageUsers,
  input: z.object({}).optional(),
  async handler() {
    return listAllApiTokens();
  },
});
