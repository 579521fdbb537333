import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { hashApiToken } from "./token";

/** Resolves `Authorization: Bearer …` to the token owner's identity, or null. */
export async function actorFromBearer(authorization: string | null): Promise<Actor | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(match[1]) },
    include: { user: true },
  });
  if (!token || token.revokedAt || token.user.disabled || (token.expiresAt && token.expiresAt.getTime() <= Date.now())) return null;
  // Last-used is informational; don't write it more than once a minute per token.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  const { user } = token;
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "token" };
}
