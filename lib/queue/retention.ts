import type { PrismaClient } from "../db-client";

// Retention (DESIGN.md §4): after DELIVERY_RETENTION_DAYS the bodies go — the event as received,
// the mapped XDM, and each attempt's request and response bodies — while the rows stay, so the
// log still shows what happened, when, how often and with which status and error.

export interface PruneResult {
  deliveries: number;
  attempts: number;
  cutoff: string;
}

// Settled deliveries only: a queued event of a long-paused profile still needs its payload.
// Batches keep each statement short; SKIP LOCKED lets two pruning workers share the work.
const PRUNE_SQL = `
  WITH d AS (
    SELECT id FROM "Delivery"
     WHERE "receivedAt" < $1::timestamptz
       AND status IN ('DELIVERED', 'FAILED', 'DEAD')
       AND ("sourcePayload" IS NOT NULL OR "mappedPayload" IS NOT NULL)
     LIMIT $2
     FOR UPDATE SKIP LOCKED
  ), a AS (
    UPDATE "Attempt" SET "requestBody" = NULL, "responseBody" = NULL
     WHERE "deliveryId" IN (SELECT id FROM d) AND ("requestBody" IS NOT NULL OR "responseBody" IS NOT NULL)
     RETURNING 1
  ), u AS (
    UPDATE "Delivery" SET "sourcePayload" = NULL, "mappedPayload" = NULL
     WHERE id IN (SELECT id FROM d)
     RETURNING 1
  )
  SELECT (SELECT count(*) FROM u)::int AS deliveries, (SELECT count(*) FROM a)::int AS attempts`;

/** Nulls the payload bodies of settled deliveries received before now − retentionDays. */
export async function pruneDeliveryPayloads(
  db: PrismaClient,
  opts: { retentionDays: number; now?: Date; batchSize?: number; shouldContinue?: () => boolean },
): Promise<PruneResult> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.retentionDays * 86_400_000);
  const batchSize = opts.batchSize ?? 2000;
  const total = { deliveries: 0, attempts: 0, cutoff: cutoff.toISOString() };
  for (;;) {
    const [r] = await db.$queryRawUnsafe<{ deliveries: number; attempts: number }[]>(PRUNE_SQL, cutoff.toISOString(), batchSize);
    total.deliveries += r?.deliveries ?? 0;
    total.attempts += r?.attempts ?? 0;
    if (!r || r.deliveries < batchSize || (opts.shouldContinue && !opts.shouldContinue())) return total;
  }
}

/**
 * Deletes sign-in attempts older than now − days, in batches. Throttling reads only the last
 * LOGIN_FAILURE_WINDOW_MINUTES; the rest is kept that long for investigating attacks, then goes,
 * so the table does not grow without bound under a password-spraying bot.
 */
export async function pruneLoginAttempts(db: PrismaClient, opts: { days: number; now?: Date; batchSize?: number }): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.days * 86_400_000);
  const batchSize = opts.batchSize ?? 5000;
  let total = 0;
  for (;;) {
    const n = await db.$executeRawUnsafe(
      `DELETE FROM "LoginAttempt" WHERE id IN (SELECT id FROM "LoginAttempt" WHERE "createdAt" < $1::timestamptz LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      cutoff.toISOString(),
      batchSize,
    );
    total += n;
    if (n < batchSize) return total;
  }
}

/** Refused inbound requests (lib/inbound-refusals) are kept as long as sign-in attempts, for the same reason. */
export async function pruneInboundRefusals(db: PrismaClient, opts: { days: number; now?: Date; batchSize?: number }): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.days * 86_400_000);
  const batchSize = opts.batchSize ?? 5000;
  let total = 0;
  for (;;) {
    const n = await db.$executeRawUnsafe(
      `DELETE FROM "InboundRefusal" WHERE id IN (SELECT id FROM "InboundRefusal" WHERE "lastAt" < $1::timestamptz LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      cutoff.toISOString(),
      batchSize,
    );
    total += n;
    if (n < batchSize) return total;
  }
}
