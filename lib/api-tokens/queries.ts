import "server-only";
import { db } from "@/lib/db";

/** The actor's own tokens; the hash never leaves the server. */
export async function listApiTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, lastUsedAt: true, revokedAt: true, expiresAt: true, createdAt: true },
  });
}

/** Every user's tokens, for admins: active first, each with its owner. */
export async function listAllApiTokens() {
  return db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      prefix: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true } },
    },
  });
}
export type AnyApiTokenRow = Awaited<ReturnType<typeof listAllApiTokens>>[number];
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
