import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { listApiTokens } from "./queries";
import { CAN } from "@/lib/auth/roles";
import { generateApiToken, hashApiToken } from "@/lib/auth/api-tokens";
import { writeAudit } from "@/lib/audit/write-audit";
import { ActionError, defineAction } from "@/lib/actions/define-action";
import { CreateApiTokenSchema, RevokeApiTokenSchema } from "./schemas";

export const createApiToken = defineAction({
  name: "apiTokens.create",
  roles: CAN.manageUsers,
  input: CreateApiTokenSchema,
  async handler({ name }, { actor, ip }) {
    const token = generateApiToken();
    const row = await db.apiToken.create({
      data: { userId: actor.id, name, tokenHash: hashApiToken(token), prefix: token.slice(0, 10) },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await writeAudit({ actor, action: "apiToken.create", targetType: "ApiToken", targetId: row.id, after: row, ip });
    return { ...row, token }; // shown once
  },
});

export const revokeApiToken = defineAction({
  name: "apiTokens.revoke",
  roles: CAN.manageUsers,
  input: RevokeApiTokenSchema,
  async handler({ tokenId }, { actor, ip }) {
    // Ownership comes from the record: an admin revokes their own tokens here.
    const token = await db.apiToken.findFirst({ where: { id: tokenId, userId: actor.id } });
    if (!token) throw new ActionError("Token not found.", "not_found");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    const row = await db.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: { id: true, revokedAt: true } });
    await writeAudit({ actor, action: "apiToken.revoke", targetType: "ApiToken", targetId: tokenId, ip });
    return row;
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
