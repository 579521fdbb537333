import "server-only";
import { db } from "@/lib/db";

/** The actor's own tokens; the hash never leaves the server. */
export async function listApiTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
