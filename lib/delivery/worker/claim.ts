import { randomUUID } from "node:crypto";
import { poolOf, type PrismaClient } from "../../db-client";
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
 * activating it), oldest due first, and counts the attempt now: a delivery that keeps crashing
 * its worker still spends its retry budget instead of being retried forever.
 */
export async function claimDue(db: PrismaClient, opts: { limit: number; leaseMs: number; token: string }): Promise<ClaimedDelivery[]> {
  // One statement on pg that also returns the payloads: the claim is the queue's hot path.
  const { rows } = await poolOf(db).query<Omit<ClaimedDelivery, "leaseToken"> & { due: Date }>(
    `WITH due AS (
       SELECT d.id, d."nextAttemptAt" FROM "Delivery" d
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
     RETURNING d.id, d."profileId", d.direction::text AS direction, d."pushType", d."transmissionId", d.attempts, d."requestId", d."traceParent",
               d."receivedAt" AT TIME ZONE 'UTC' AS "receivedAt", d."sourcePayload", due."nextAttemptAt" AS due`,
    [opts.limit, opts.leaseMs, opts.token],
  );
  // Oldest due first, as claimed (RETURNING keeps no order).
  rows.sort((a, b) => a.due.getTime() - b.due.getTime());
  return rows.map(({ due: _due, ...c }) => ({ ...c, leaseToken: opts.token }));
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
