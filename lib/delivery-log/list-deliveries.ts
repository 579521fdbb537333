import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, EMAIL_SQL, encodeCursor, filterConditions } from "./filter-sql";
import { maskEmail } from "@/lib/email-mask";
import type { DeliveryFilter, DeliveryStatus } from "./schemas";

export const PAGE_SIZE = 50;

export type DeliveryRow = {
  id: string;
  receivedAt: Date;
  deliveredAt: Date | null;
  profileId: string;
  profileName: string;
  direction: "SOURCE" | "DESTINATION";
  pushType: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  durationMs: number | null;
  transmissionId: string;
  email: string | null;
  test: boolean;
  mappingVersion: number | null;
};

/**
 * Newest first, keyset-paginated on (receivedAt, id), so page 1000 costs what page 1 does. One
 * query: the last attempt's duration comes from a LATERAL lookup on (deliveryId, number).
 */
export async function listDeliveries(
  filter: DeliveryFilter,
  opts: { cursor?: string; limit?: number; maskEmails: boolean },
): Promise<{ items: DeliveryRow[]; nextCursor: string | null }> {
  const limit = opts.limit ?? PAGE_SIZE;
  const rows = await db.$queryRaw<DeliveryRow[]>(Prisma.sql`
    SELECT d.id, d."receivedAt", d."deliveredAt", d."profileId", p.name AS "profileName", d.direction::text AS direction,
           d."pushType", d.status::text AS status, d.attempts, d."nextAttemptAt", d."lastStatusCode", d."lastError",
           la."durationMs", d."transmissionId", ${EMAIL_SQL} AS email, d.test, d."mappingVersion"
      FROM "Delivery" d
      JOIN "IntegrationProfile" p ON p.id = d."profileId"
      LEFT JOIN LATERAL (SELECT a."durationMs" FROM "Attempt" a WHERE a."deliveryId" = d.id ORDER BY a.number DESC, a."startedAt" DESC LIMIT 1) la ON true
      ${filterConditions(filter, { cursor: decodeCursor(opts.cursor), emailsMasked: opts.maskEmails })}
     ORDER BY d."receivedAt" DESC, d.id DESC
     LIMIT ${limit + 1}`);
  const items = rows.slice(0, limit).map((r) => ({ ...r, email: r.email && opts.maskEmails ? maskEmail(r.email) : r.email }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** How many deliveries match (bulk replay's preview); capped so a count never scans forever. */
export async function countDeliveries(filter: DeliveryFilter, opts: { until?: Date } = {}): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>(Prisma.sql`SELECT count(*) AS n FROM "Delivery" d ${filterConditions(filter, opts)}`);
  return Number(row?.n ?? 0);
}

/** The values the filter dropdowns offer. */
export async function deliveryFilterOptions() {
  const [profiles, pushTypes, versions] = await Promise.all([
    db.integrationProfile.findMany({ where: { deletedAt: null }, select: { id: true, name: true, direction: true }, orderBy: { name: "asc" } }),
    db.profilePushType.findMany({ distinct: ["pushType"], select: { pushType: true }, orderBy: { pushType: "asc" } }),
    db.mappingVersion.findMany({ distinct: ["version"], select: { version: true }, orderBy: { version: "asc" } }),
  ]);
  return { profiles, pushTypes: pushTypes.map((p) => p.pushType), mappingVersions: versions.map((v) => v.version) };
}
