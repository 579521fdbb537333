import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { CAN } from "@/lib/auth/roles";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { generateApiToken, hashApiToken } from "@/lib/api-tokens/token";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { tokenExpiresAt } from "@/lib/api-tokens/schemas";
import { writeAudit } from "@/lib/audit/write-audit";
import { ActionError, defineAction } from "@/lib/actions/define-action";
import { ChangeOwnPasswordSchema, CreateOwnTokenSchema, RevokeOwnTokenSchema } from "./schemas";

// The account page: what every signed-in user may do to their own account. Everything acts on
// the session's user only (never an id from the client); API tokens carry the user's own role.

export const changeOwnPasswordDef = defineAction({
  name: "account.changePassword",
  roles: CAN.anySignedIn,
  input: ChangeOwnPasswordSchema,
  async handler({ currentPassword, newPassword }, { actor, ip }) {
    const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
    if (!user?.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new ActionError("The current password is not right.", "invalid", { currentPassword: ["The current password is not right."] });
    }
    // Other browser sessions end (they may be someone else's); this one has to sign in again too.
    const passwordHash = await hashPassword(newPassword);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await writeAudit(tx, { actor, action: "account.changePassword", targetType: "User", targetId: actor.id, ip });
    });
    return { changed: true };
  },
});

export const listOwnTokensDef = defineAction({
  name: "account.listTokens",
  roles: CAN.anySignedIn,
  input: z.object({}).optional(),
  async handler(_input, { actor }) {
    return listApiTokens(actor.id);
  },
});

export const createOwnTokenDef = defineAction({
  name: "account.createToken",
  roles: CAN.anySignedIn,
  input: CreateOwnTokenSchema,
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

export const revokeOwnTokenDef = defineAction({
  name: "account.revokeToken",
  roles: CAN.anySignedIn,
  input: RevokeOwnTokenSchema,
  async handler({ tokenId }, { actor, ip }) {
    const token = await db.apiToken.findFirst({ where: { id: tokenId, userId: actor.id } });
    if (!token) throw new ActionError("Token not found.", "not_found");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    return db.$transaction(async (tx) => {
      const row = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: { id: true, revokedAt: true } });
      await writeAudit(tx, { actor, action: "apiToken.revoke", targetType: "ApiToken", targetId: tokenId, ip });
      return row;
    });
  },
});
