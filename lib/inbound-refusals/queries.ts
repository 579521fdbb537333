import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { cleanFilterInput } from "@/lib/delivery-log/schemas";

// Reading refused inbound requests back: the log's "Refused requests" view and the dashboard's tile.

const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamptz`;

export { AUTH_FAILURE_CODES, refusalSummary, type RefusalSummary } from "./summary";

export const RefusalFilterSchema = z.preprocess(
  cleanFilterInput,
  z.object({
    profileId: z.string().max(100).optional(),
    code: z.string().max(60).optional(),
    range: z.enum(["1h", "24h", "7d"]).default("24h"),
  }),
);
export type RefusalFilter = z.infer<typeof RefusalFilterSchema>;
const RANGE_MS = { "1h": 3600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;

export type RefusalRow = {
  id: string;
  profileId: string;
  profileName: string | null;
  endpoint: string;
  status: number;
  code: string;
  message: string;
  ip: string;
  count: number;
  firstAt: Date;
  lastAt: Date;
  requestId: string;
};

/** The newest rows (one per minute × sender × code), with the profile's name when the id names one. */
export async function listRefusals(f: RefusalFilter, now = new Date()) {
  const from = new Date(now.getTime() - RANGE_MS[f.range]);
  const where = Prisma.sql`r."lastAt" >= ${ts(from)}${f.profileId ? Prisma.sql` AND r."profileId" = ${f.profileId}` : Prisma.empty}${f.code ? Prisma.sql` AND r.code = ${f.code}` : Prisma.empty}`;
  const [rows, [sum]] = await Promise.all([
    db.$queryRaw<RefusalRow[]>(Prisma.sql`
      SELECT r.id, r."profileId", p.name AS "profileName", r.endpoint, r.status, r.code, r.message, r.ip, r.count, r."firstAt", r."lastAt", r."requestId"
        FROM "InboundRefusal" r LEFT JOIN "IntegrationProfile" p ON p.id = r."profileId"
       WHERE ${where}
       ORDER BY r."lastAt" DESC, r.id LIMIT 200`),
    db.$queryRaw<{ requests: number; rows: number }[]>(Prisma.sql`
      SELECT COALESCE(sum(r.count), 0)::int AS requests, count(*)::int AS rows FROM "InboundRefusal" r WHERE ${where}`),
  ]);
  return { from, rows, requests: sum?.requests ?? 0, groups: sum?.rows ?? 0 };
}
