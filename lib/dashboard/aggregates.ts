import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// The grouped numbers behind the dashboard's tiles and its per-profile table. GROUPING SETS gives
// the per-profile rows and the overall row from one scan; percentile_cont computes latency in SQL.

export type Totals = {
  total: number;
  delivered: number;
  retrying: number;
  failed: number;
  dead: number;
  /** delivered / (delivered + failed + dead): settled outcomes only, so in-flight rows do not drag it down. */
  successRate: number | null;
  /** End to end: deliveredAt − receivedAt, in ms, over delivered rows. */
  p50Ms: number | null;
  p95Ms: number | null;
};

type TotalsRow = Omit<Totals, "successRate"> & { profileId: string | null; overall: number };

const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp`;
const onlyProfile = (id?: string) => (id ? Prisma.sql` AND d."profileId" = ${id}` : Prisma.empty);

/** Rows received from `from` on; `to` (exclusive) bounds a window that must not see later rows, e.g. the alert evaluator's. */
export async function statusTotals(s: { from: Date; to?: Date; profileId?: string }) {
  const rows = await db.$queryRaw<TotalsRow[]>(Prisma.sql`
    SELECT d."profileId", GROUPING(d."profileId")::int AS overall, count(*)::int AS total,
           count(*) FILTER (WHERE d.status = 'DELIVERED')::int AS delivered,
           count(*) FILTER (WHERE d.status = 'RETRYING')::int AS retrying,
           count(*) FILTER (WHERE d.status = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE d.status = 'DEAD')::int AS dead,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d."deliveredAt" - d."receivedAt") * 1000)
             FILTER (WHERE d.status = 'DELIVERED' AND d."deliveredAt" IS NOT NULL) AS "p50Ms",
           percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM d."deliveredAt" - d."receivedAt") * 1000)
             FILTER (WHERE d.status = 'DELIVERED' AND d."deliveredAt" IS NOT NULL) AS "p95Ms"
      FROM "Delivery" d
     WHERE d.test = false AND d."receivedAt" >= ${ts(s.from)}${s.to ? Prisma.sql` AND d."receivedAt" < ${ts(s.to)}` : Prisma.empty}${onlyProfile(s.profileId)}
     GROUP BY GROUPING SETS ((d."profileId"), ())`);
  const toTotals = ({ profileId: _p, overall: _o, ...r }: TotalsRow): Totals => {
    const settled = r.delivered + r.failed + r.dead;
    const round = (x: number | null) => (x === null ? null : Math.round(Number(x)));
    return { ...r, p50Ms: round(r.p50Ms), p95Ms: round(r.p95Ms), successRate: settled ? r.delivered / settled : null };
  };
  const zero: Totals = { total: 0, delivered: 0, retrying: 0, failed: 0, dead: 0, successRate: null, p50Ms: null, p95Ms: null };
  const overallRow = rows.find((r) => r.overall === 1);
  return {
    zero,
    overall: overallRow ? toTotals(overallRow) : zero,
    byProfile: new Map(rows.filter((r) => r.overall === 0).map((r) => [r.profileId!, toTotals(r)])),
  };
}

/** What is waiting now (not bounded by the range): queued, retrying or being delivered. */
export async function queueDepth(profileId?: string) {
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
