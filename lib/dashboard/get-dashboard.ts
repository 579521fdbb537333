import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConnectionTest } from "@/lib/profiles/view";
import { maskEmailsInText } from "@/lib/deliveries/mask";
import { CHART_STATUSES, DASHBOARD_RANGES, type ChartStatus, type DashboardInput } from "./schemas";
import { queueDepth, statusTotals, type Totals } from "./aggregates";

export type SeriesPoint = { start: Date } & Record<ChartStatus, number>;
export type TopError = { error: string; count: number; lastStatusCode: number | null; lastAt: Date };
export type ProfileHealth = {
  id: string;
  name: string;
  direction: "SOURCE" | "DESTINATION";
  status: string;
  demo: boolean;
  adobe: ConnectionTest | null;
  rainfocus: ConnectionTest | null;
  totals: Totals;
  queue: { depth: number; oldest: Date | null };
};

const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp`;

/**
 * Everything the dashboard shows, for one range and optionally one profile. Test events are left
 * out of every number (they are QA's, not production's). Four grouped queries run in parallel;
 * each is one index range scan over the window, so the view stays cheap at millions of rows.
 */
export async function getDashboard(input: DashboardInput, opts: { maskEmails: boolean; now?: Date }) {
  const now = opts.now ?? new Date();
  const { ms, bucketMs } = DASHBOARD_RANGES[input.range];
  // Whole buckets, so a refresh does not shift every bar: from the start of the bucket holding
  // now − range to the (partial) bucket holding now.
  const firstBucket = Math.floor((now.getTime() - ms) / bucketMs);
  const from = new Date(firstBucket * bucketMs);
  const scope = { from, profileId: input.profileId };
  const [series, totals, queue, errors, profiles] = await Promise.all([
    statusSeries(scope, bucketMs),
    statusTotals(scope),
    queueDepth(input.profileId),
    topErrors(scope),
    db.integrationProfile.findMany({
      where: { deletedAt: null, ...(input.profileId ? { id: input.profileId } : {}) },
      select: { id: true, name: true, direction: true, status: true, demo: true, adobeTest: true, rainfocusTest: true },
      orderBy: { name: "asc" },
    }),
  ]);

  const points: SeriesPoint[] = [];
  for (let b = firstBucket; b * bucketMs <= now.getTime(); b++) {
    const counts = series.get(b);
    points.push({ start: new Date(b * bucketMs), ...Object.fromEntries(CHART_STATUSES.map((s) => [s, counts?.[s] ?? 0])) } as SeriesPoint);
  }
  const empty = { depth: 0, oldest: null };
  return {
    range: input.range,
    profileId: input.profileId ?? null,
    from,
    now,
    bucketMs,
    series: points,
    overall: { totals: totals.overall, queue: queue.overall },
    profiles: profiles.map<ProfileHealth>((p) => ({
      id: p.id,
      name: p.name,
      direction: p.direction,
      status: p.status,
      demo: p.demo,
      adobe: (p.adobeTest as ConnectionTest | null) ?? null,
      rainfocus: (p.rainfocusTest as ConnectionTest | null) ?? null,
      totals: totals.byProfile.get(p.id) ?? totals.zero,
      queue: queue.byProfile.get(p.id) ?? empty,
    })),
    errors: opts.maskEmails ? errors.map((e) => ({ ...e, error: maskEmailsInText(e.error) })) : errors,
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

type Scope = { from: Date; profileId?: string };
const scoped = (s: Scope) => Prisma.sql`d.test = false AND d."receivedAt" >= ${ts(s.from)}${s.profileId ? Prisma.sql` AND d."profileId" = ${s.profileId}` : Prisma.empty}`;

/** Deliveries per bucket of receipt time and current status. Timestamps hold UTC, so epoch is UTC. */
async function statusSeries(s: Scope, bucketMs: number) {
  const rows = await db.$queryRaw<{ bucket: bigint; status: ChartStatus; n: number }[]>(Prisma.sql`
    SELECT floor(extract(epoch FROM d."receivedAt") * 1000 / ${bucketMs})::bigint AS bucket, d.status::text AS status, count(*)::int AS n
      FROM "Delivery" d
     WHERE ${scoped(s)} AND d.status IN ('DELIVERED', 'RETRYING', 'FAILED', 'DEAD')
     GROUP BY 1, 2`);
  const out = new Map<number, Partial<Record<ChartStatus, number>>>();
  for (const r of rows) {
    const b = Number(r.bucket);
    out.set(b, { ...out.get(b), [r.status]: r.n });
  }
  return out;
}

/** The most frequent last errors of deliveries that are not (yet) delivered. */
async function topErrors(s: Scope): Promise<TopError[]> {
  return db.$queryRaw<TopError[]>(Prisma.sql`
    SELECT left(d."lastError", 160) AS error, count(*)::int AS count, max(d."lastStatusCode") AS "lastStatusCode", max(d."receivedAt") AS "lastAt"
      FROM "Delivery" d
     WHERE ${scoped(s)} AND d.status IN ('RETRYING', 'FAILED', 'DEAD') AND d."lastError" IS NOT NULL
     GROUP BY 1
     ORDER BY count DESC, "lastAt" DESC
     LIMIT 8`);
}


