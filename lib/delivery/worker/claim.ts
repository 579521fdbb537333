import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../db-client";
import type { ClaimedDelivery } from "./types";

// Work is claimed from PostgreSQL, so any number of workers on any number of machines can share
// one queue: FOR UPDATE SKIP LOCKED hands each due row to exactly one claimer, and the lease
// (leaseUntil) makes a row claimable again if its worker dies before settling it. Times use the
// database clock in UTC (columns are timestamp without time zone, written as UTC by Prisma).

const NOW = `(now() AT TIME ZONE 'UTC')`;

export function newLeaseToken(): string {
  return randomUUID();
}

/**
 * Claims up to `limit` due deliveries of ACTIVE profiles (PAUSED profiles hold theirs; test events
 * QA sends to a READY or PAUSED profile go regardless, or QA could not try a profile before
 * activating it), oldest due first, and counts the attempt now: a delivery that keeps crashing its worker still spends
 * its retry budget instead of being retried forever.
 */
export async function claimDue(db: PrismaClient, opts: { limit: number; leaseMs: number; token: string }): Promise<ClaimedDelivery[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH due AS (
       SELECT d.id FROM "Delivery" d
       JOIN "IntegrationProfile" p ON p.id = d."profileId"
       WHERE (p.status = 'ACTIVE' OR (d.test AND p.status IN ('READY', 'PAUSED'))) AND p."deletedAt" IS NULL
         AND ((d.status IN ('QUEUED', 'RETRYING') AND d."nextAttemptAt" <= ${NOW})
           OR (d.status = 'DELIVERING' AND d."leaseUntil" < ${NOW}))
       ORDER BY d."nextAttemptAt"
       LIMIT $1
       FOR UPDATE OF d SKIP LOCKED
     )
     UPDATE "Delivery" d
        SET status = 'DELIVERING', "leaseUntil" = ${NOW} + make_interval(secs => $2::float8 / 1000), "leaseToken" = $3, attempts = d.attempts + 1
       FROM due WHERE d.id = due.id
     RETURNING d.id`,
    opts.limit,
    opts.leaseMs,
    opts.token,
  );
  if (rows.length === 0) return [];
  const claimed = await db.delivery.findMany({
    where: { id: { in: rows.map((r) => r.id) }, leaseToken: opts.token },
    select: { id: true, profileId: true, direction: true, pushType: true, transmissionId: true, attempts: true, receivedAt: true, sourcePayload: true },
    orderBy: { nextAttemptAt: "asc" },
  });
  return claimed.map((c) => ({ ...c, leaseToken: opts.token }));
}

/** Gives claimed, unsent deliveries back (graceful shutdown), undoing the attempt count. */
export async function releaseClaims(db: PrismaClient, ids: string[], token: string): Promise<number> {
  if (ids.length === 0) return 0;
  return db.$executeRawUnsafe(
    `UPDATE "Delivery" SET status = CASE WHEN attempts <= 1 THEN 'QUEUED'::"DeliveryStatus" ELSE 'RETRYING'::"DeliveryStatus" END,
            attempts = GREATEST(attempts - 1, 0), "leaseUntil" = NULL, "leaseToken" = NULL
      WHERE id = ANY($1::text[]) AND "leaseToken" = $2 AND status = 'DELIVERING'`,
    ids,
    token,
  );
}
