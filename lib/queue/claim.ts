import { randomUUID } from "node:crypto";
import { poolOf, type PrismaClient } from "../db-client";
import type { ClaimedDelivery } from "./types";

// Work is claimed from PostgreSQL, so any number of workers on any number of machines can share
// one queue: FOR UPDATE SKIP LOCKED hands each due row to exactly one claimer, and the lease
// (leaseUntil) makes a row claimable again if its worker dies before settling it. Times use the
// database clock (columns are timestamptz).

const NOW = `now()`;

// Which profiles' rows may be claimed (see claimDue), as two id lists computed once per statement
// (InitPlans): written as a join, the planner may hash-join the whole backlog and sort it.
const CLAIMABLE = `(d."profileId" = ANY(ARRAY(SELECT id FROM "IntegrationProfile" WHERE "deletedAt" IS NULL AND status = 'ACTIVE'))
    OR (d.test AND d."profileId" = ANY(ARRAY(SELECT id FROM "IntegrationProfile" WHERE "deletedAt" IS NULL AND status IN ('READY', 'PAUSED')))))`;

// One index range scan per status on Delivery_due_idx (status, nextAttemptAt; QUEUED and RETRYING rows only) or, for
// expired leases, Delivery_lease_idx (leaseUntil of DELIVERING rows), each already in due order
// and each stopping after $1 rows, then the oldest $1 of the (at most 3 × $1) candidates. A single
// scan over "status IN (QUEUED, RETRYING) OR an expired lease" read and sorted every due row on
// each claim, so a claim slowed down as the backlog grew (bench/queue.ts measures both). Candidates
// locked but not taken are free again when the statement commits.
export const CLAIM_SQL = `
  WITH queued AS (
    SELECT d.id, d."nextAttemptAt" AS due FROM "Delivery" d
     WHERE d.status = 'QUEUED' AND d."nextAttemptAt" <= ${NOW} AND ${CLAIMABLE}
     ORDER BY d."nextAttemptAt" LIMIT $1 FOR UPDATE OF d SKIP LOCKED
  ), retrying AS (
    SELECT d.id, d."nextAttemptAt" AS due FROM "Delivery" d
     WHERE d.status = 'RETRYING' AND d."nextAttemptAt" <= ${NOW} AND ${CLAIMABLE}
     ORDER BY d."nextAttemptAt" LIMIT $1 FOR UPDATE OF d SKIP LOCKED
  ), expired AS (
    SELECT d.id, d."nextAttemptAt" AS due FROM "Delivery" d
     WHERE d.status = 'DELIVERING' AND d."leaseUntil" < ${NOW} AND ${CLAIMABLE}
     ORDER BY d."nextAttemptAt" LIMIT $1 FOR UPDATE OF d SKIP LOCKED
  ), picked AS (
    SELECT * FROM (SELECT * FROM queued UNION ALL SELECT * FROM retrying UNION ALL SELECT * FROM expired) c ORDER BY due LIMIT $1
  )
  UPDATE "Delivery" d
     SET status = 'DELIVERING', "leaseUntil" = ${NOW} + make_interval(secs => $2::float8 / 1000), "leaseToken" = $3, attempts = d.attempts + 1
    FROM picked WHERE d.id = picked.id
  RETURNING d.id, d."profileId", d.direction::text AS direction, d."pushType", d."transmissionId", d.attempts, d."requestId", d."traceParent",
            d."receivedAt", d."sourcePayload", picked.due`;

// The claim runs in its own transaction, with planner settings that last as long as it does (SET
// LOCAL). A queue's statistics are always stale: its QUEUED rows go from none to tens of thousands
// between two ANALYZEs. Believing a few hundred were waiting, the planner read every queued row
// of every claimable profile (a bitmap of two indexes, or the profile index) and sorted them to
// keep 500: 36–85 ms per claim with 18,000 waiting, and growing with the backlog. With bitmaps
// and sorts off it walks Delivery_due_idx in due order and stops at $1 rows (1 ms on the same
// data). Disabled paths cost 10^10, which would push the statement over jit_above_cost and spend
// 800 ms compiling it: JIT is off too.
export const CLAIM_BEGIN = "BEGIN; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off; SET LOCAL jit = off";

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
  const client = await poolOf(db).connect();
  let rows: (Omit<ClaimedDelivery, "leaseToken"> & { due: Date })[];
  try {
    await client.query(CLAIM_BEGIN);
    ({ rows } = await client.query<Omit<ClaimedDelivery, "leaseToken"> & { due: Date }>({
      name: "relay-claim",
      text: CLAIM_SQL,
      values: [opts.limit, opts.leaseMs, opts.token],
    }));
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    client.release(err instanceof Error ? err : true);
    throw err;
  }
  client.release();
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
