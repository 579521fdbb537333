import type { PrismaClient } from "../db-client";
import { Prisma } from "../generated/prisma/client";

// The count of refused inbound requests by code: the dashboard's tile and the auth-failure alert,
// which the delivery worker evaluates (so no server-only imports; the client is passed in).

/** Codes that mean the sender could not prove who it is. */
export const AUTH_FAILURE_CODES = ["bad_signature", "unauthorized"] as const;

const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamptz`;

export type RefusalSummary = { requests: number; authFailures: number; byCode: { code: string; status: number; count: number }[] };

/** Refused requests from `from` (by the minute they fall in), optionally for one profile. */
export async function refusalSummary(db: PrismaClient, s: { from: Date; to?: Date; profileId?: string }): Promise<RefusalSummary> {
  const byCode = await db.$queryRaw<{ code: string; status: number; count: number }[]>(Prisma.sql`
    SELECT r.code, max(r.status)::int AS status, sum(r.count)::int AS count
      FROM "InboundRefusal" r
     WHERE r."lastAt" >= ${ts(s.from)}${s.to ? Prisma.sql` AND r.minute < ${ts(s.to)}` : Prisma.empty}${s.profileId ? Prisma.sql` AND r."profileId" = ${s.profileId}` : Prisma.empty}
     GROUP BY r.code ORDER BY count DESC`);
  const auth = new Set<string>(AUTH_FAILURE_CODES);
  return {
    requests: byCode.reduce((n, c) => n + c.count, 0),
    authFailures: byCode.filter((c) => auth.has(c.code)).reduce((n, c) => n + c.count, 0),
    byCode,
  };
}
