import type { PrismaClient } from "../db-client";
import { Prisma } from "../generated/prisma/client";

// The grouped numbers behind the dashboard's tiles, its per-profile table and the failure alert.
// Outcomes are counted from the attempts made in the window (Attempt.outcome), not from each
// delivery's current status: a replayed outage stays an outage in the window it happened in, and
// the replay shows up as a replay in the window it ran in. GROUPING SETS gives the per-profile rows
// and the overall row from one scan; percentile_cont computes latency in SQL. No server-only
// imports, the client passed in: the delivery worker's alert evaluator reads the same numbers.

export type Totals = {
  /** Production deliveries received in the window. */
  received: number;
  /** Attempts settled in the window, first sends, retries and replays alike. */
  attempts: number;
  /** Attempts that delivered, not counting replays. */
  delivered: number;
  /** Attempts that delivered on a replay. */
  replayed: number;
  /** Attempts made on or after the delivery's first replay, whatever their outcome. */
  replayAttempts: number;
  /** Attempts that failed and were scheduled again. */
  retrying: number;
  failed: number;
  dead: number;
  /** (delivered + replayed) / attempts: every try counts, so an outage cannot be replayed away. */
  successRate: number | null;
  /** End to end, receipt → delivery, over first sends delivered in the window (replays would skew it). */
  p50Ms: number | null;
  p95Ms: number | null;
};

const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamptz`;
const onlyProfile = (id?: string) => (id ? Prisma.sql` AND d."profileId" = ${id}` : Prisma.empty);
const until = (col: Prisma.Sql, to?: Date) => (to ? Prisma.sql` AND ${col} < ${ts(to)}` : Prisma.empty);

/** An attempt on or after its delivery's first replay. */
export const IS_REPLAY = Prisma.sql`(d."replayedAt" IS NOT NULL AND a."startedAt" >= d."replayedAt")`;

type AttemptRow = Omit<Totals, "received" | "successRate"> & { profileId: string | null; overall: number };
type ReceivedRow = { profileId: string | null; overall: number; received: number };

/** Attempts settled from `from` on; `to` (exclusive) bounds a window that must not see later ones, e.g. the alert evaluator's. */
export async function outcomeTotals(db: PrismaClient, s: { from: Date; to?: Date; profileId?: string }) {
  const [rows, received] = await Promise.all([
    db.$queryRaw<AttemptRow[]>(Prisma.sql`
      SELECT d."profileId", GROUPING(d."profileId")::int AS overall, count(*)::int AS attempts,
             count(*) FILTER (WHERE a.outcome = 'DELIVERED' AND NOT ${IS_REPLAY})::int AS delivered,
             count(*) FILTER (WHERE a.outcome = 'DELIVERED' AND ${IS_REPLAY})::int AS replayed,
             count(*) FILTER (WHERE ${IS_REPLAY})::int AS "replayAttempts",
             count(*) FILTER (WHERE a.outcome = 'RETRYING')::int AS retrying,
             count(*) FILTER (WHERE a.outcome = 'FAILED')::int AS failed,
             count(*) FILTER (WHERE a.outcome = 'DEAD')::int AS dead,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a."startedAt" - d."receivedAt") * 1000)
               FILTER (WHERE a.outcome = 'DELIVERED' AND NOT ${IS_REPLAY}) AS "p50Ms",
             percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM a."startedAt" - d."receivedAt") * 1000)
               FILTER (WHERE a.outcome = 'DELIVERED' AND NOT ${IS_REPLAY}) AS "p95Ms"
        FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId"
       WHERE a."startedAt" >= ${ts(s.from)}${until(Prisma.sql`a."startedAt"`, s.to)} AND a.outcome IS NOT NULL
         AND d.test = false${onlyProfile(s.profileId)}
       GROUP BY GROUPING SETS ((d."profileId"), ())`),
    db.$queryRaw<ReceivedRow[]>(Prisma.sql`
      SELECT d."profileId", GROUPING(d."profileId")::int AS overall, count(*)::int AS received
        FROM "Delivery" d
       WHERE d.test = false AND d."receivedAt" >= ${ts(s.from)}${until(Prisma.sql`d."receivedAt"`, s.to)}${onlyProfile(s.profileId)}
       GROUP BY GROUPING SETS ((d."profileId"), ())`),
  ]);
  const zeroRow = { attempts: 0, delivered: 0, replayed: 0, replayAttempts: 0, retrying: 0, failed: 0, dead: 0, p50Ms: null, p95Ms: null };
  const round = (x: number | null) => (x === null ? null : Math.round(Number(x)));
  const toTotals = (r: Omit<AttemptRow, "profileId" | "overall">, rec: number): Totals => ({
    received: rec,
    attempts: r.attempts,
    delivered: r.delivered,
    replayed: r.replayed,
    replayAttempts: r.replayAttempts,
    retrying: r.retrying,
    failed: r.failed,
    dead: r.dead,
    p50Ms: round(r.p50Ms),
    p95Ms: round(r.p95Ms),
    successRate: r.attempts ? (r.delivered + r.replayed) / r.attempts : null,
  });
  const key = (r: { profileId: string | null; overall: number }) => (r.overall === 1 ? "" : r.profileId!);
  const byKey = new Map(rows.map((r) => [key(r), r]));
  const recByKey = new Map(received.map((r) => [key(r), r.received]));
  const zero = toTotals(zeroRow, 0);
  const keys = new Set([...byKey.keys(), ...recByKey.keys()].filter((k) => k !== ""));
  return {
    zero,
    overall: toTotals(byKey.get("") ?? zeroRow, recByKey.get("") ?? 0),
    byProfile: new Map([...keys].map((k) => [k, toTotals(byKey.get(k) ?? zeroRow, recByKey.get(k) ?? 0)])),
  };
}

export type AttemptCounts = Pick<Totals, "attempts" | "retrying" | "failed" | "dead">;

/**
 * The overall row's attempt counts alone, for the alert evaluator, which reads them every
 * ALERTS_EVAL_INTERVAL_MS while deliveries flow: outcomeTotals' same rows (attempts settled in the
 * window, no test events) without the per-profile grouping, the latency percentiles or the
 * received count it does not use. Test deliveries are left out with an anti-join on the partial
 * index Delivery_test_idx, so the production rows of Delivery are not read at all: outcomeTotals
 * hash-joins the window's attempts against a scan of the whole Delivery table.
 */
export async function attemptCounts(db: PrismaClient, s: { from: Date; to?: Date }): Promise<AttemptCounts> {
  const [row] = await db.$queryRaw<AttemptCounts[]>(Prisma.sql`
    SELECT count(*)::int AS attempts,
           count(*) FILTER (WHERE a.outcome = 'RETRYING')::int AS retrying,
           count(*) FILTER (WHERE a.outcome = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE a.outcome = 'DEAD')::int AS dead
      FROM "Attempt" a
     WHERE a."startedAt" >= ${ts(s.from)}${until(Prisma.sql`a."startedAt"`, s.to)} AND a.outcome IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d.id = a."deliveryId" AND d.test)`);
  return row ?? { attempts: 0, retrying: 0, failed: 0, dead: 0 };
}

/** What is waiting now (not bounded by the range): queued, retrying or being delivered. */
export async function queueDepth(db: PrismaClient, profileId?: string) {
  const rows = await db.$queryRaw<{ profileId: string | null; overall: number; depth: number; oldest: Date | null }[]>(Prisma.sql`
    SELECT d."profileId", GROUPING(d."profileId")::int AS overall, count(*)::int AS depth, min(d."receivedAt") AS oldest
      FROM "Delivery" d
     WHERE d.status IN ('QUEUED', 'RETRYING', 'DELIVERING') AND d.test = false${onlyProfile(profileId)}
     GROUP BY GROUPING SETS ((d."profileId"), ())`);
  const pick = (r: { depth: number; oldest: Date | null }) => ({ depth: r.depth, oldest: r.oldest });
  const overall = rows.find((r) => r.overall === 1);
  return {
    overall: overall ? pick(overall) : { depth: 0, oldest: null },
    byProfile: new Map(rows.filter((r) => r.overall === 0).map((r) => [r.profileId!, pick(r)])),
  };
}
