import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConnectionTest } from "@/lib/profiles/view";
import { maskEmailsInText } from "@/lib/email-mask";
import { CHART_STATUSES, DASHBOARD_RANGES, type ChartStatus, type DashboardInput, type DashboardRange } from "./schemas";
import { IS_REPLAY, outcomeTotals, queueDepth, type Totals } from "./aggregates";
import { liveHealth, type LiveHealth } from "./live-health";
import { refusalSummary } from "@/lib/inbound-refusals/queries";

export type SeriesPoint = { start: Date } & Record<ChartStatus, number>;
/** `count` failed attempts in the window, of `deliveries` deliveries; `replays` of them were replay attempts. */
export type TopError = { key: string; error: string; count: number; deliveries: number; replays: number; lastStatusCode: number | null; lastAt: Date };
export type ProfileHealth = {
  id: string;
  name: string;
  direction: "SOURCE" | "DESTINATION";
  status: string;
  demo: boolean;
  adobe: ConnectionTest | null;
  rainfocus: ConnectionTest | null;
  /** The last 15 minutes of attempts against this profile's remote (AEP or RainFocus); null when none. */
  live: LiveHealth | null;
  totals: Totals;
  queue: { depth: number; oldest: Date | null };
};

const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamptz`;

/** Where a range's window starts: whole buckets, so a refresh does not shift every bar. The profile list uses it too, so both agree. */
export function windowStart(range: DashboardRange, now: Date): Date {
  const { ms, bucketMs } = DASHBOARD_RANGES[range];
  return new Date(Math.floor((now.getTime() - ms) / bucketMs) * bucketMs);
}

/**
 * Everything the dashboard shows, for one range and optionally one profile. Test events are left
 * out of every number (they are QA's, not production's). Outcomes come from the attempts made in
 * the window (see aggregates.ts). The grouped queries run in parallel; each is one index range
 * scan over the window, so the view stays cheap at millions of rows.
 */
export async function getDashboard(input: DashboardInput, opts: { maskEmails: boolean; now?: Date }) {
  const now = opts.now ?? new Date();
  const { bucketMs } = DASHBOARD_RANGES[input.range];
  const from = windowStart(input.range, now);
  const firstBucket = from.getTime() / bucketMs;
  const scope = { from, profileId: input.profileId };
  const [series, totals, queue, errors, live, refused, profiles] = await Promise.all([
    statusSeries(scope, bucketMs),
    outcomeTotals(db, scope),
    queueDepth(db, input.profileId),
    topErrors(scope),
    liveHealth(now, input.profileId),
    refusalSummary(db, scope),
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
    refused,
    profiles: profiles.map<ProfileHealth>((p) => ({
      id: p.id,
      name: p.name,
      direction: p.direction,
      status: p.status,
      demo: p.demo,
      adobe: (p.adobeTest as ConnectionTest | null) ?? null,
      rainfocus: (p.rainfocusTest as ConnectionTest | null) ?? null,
      live: live.get(p.id) ?? null,
      totals: totals.byProfile.get(p.id) ?? totals.zero,
      queue: queue.byProfile.get(p.id) ?? empty,
    })),
    errors: opts.maskEmails ? errors.map((e) => ({ ...e, error: maskEmailsInText(e.error) })) : errors,
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

type Scope = { from: Date; profileId?: string };
const scoped = (s: Scope) =>
  Prisma.sql`a."startedAt" >= ${ts(s.from)} AND a.outcome IS NOT NULL AND d.test = false${s.profileId ? Prisma.sql` AND d."profileId" = ${s.profileId}` : Prisma.empty}`;

/** Attempt outcomes per bucket of attempt time: buckets of epoch time, the same in any session TimeZone. */
async function statusSeries(s: Scope, bucketMs: number) {
  const rows = await db.$queryRaw<{ bucket: bigint; status: ChartStatus; n: number }[]>(Prisma.sql`
    SELECT floor(extract(epoch FROM a."startedAt") * 1000 / ${bucketMs})::bigint AS bucket,
           CASE WHEN a.outcome = 'DELIVERED' AND ${IS_REPLAY} THEN 'REPLAYED' ELSE a.outcome END AS status, count(*)::int AS n
      FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId"
     WHERE ${scoped(s)}
     GROUP BY 1, 2`);
  const out = new Map<number, Partial<Record<ChartStatus, number>>>();
  for (const r of rows) {
    const b = Number(r.bucket);
    out.set(b, { ...out.get(b), [r.status]: r.n });
  }
  return out;
}

/** The most frequent errors of the attempts that failed in the window, replays included and counted. */
async function topErrors(s: Scope): Promise<TopError[]> {
  return db.$queryRaw<TopError[]>(Prisma.sql`
    SELECT md5(left(a.error, 160)) AS key, left(a.error, 160) AS error, count(*)::int AS count, count(DISTINCT a."deliveryId")::int AS deliveries,
           count(*) FILTER (WHERE ${IS_REPLAY})::int AS replays,
           (array_agg(a."responseStatus" ORDER BY a."startedAt" DESC))[1] AS "lastStatusCode", max(a."startedAt") AS "lastAt"
      FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId"
     WHERE ${scoped(s)} AND a.outcome <> 'DELIVERED' AND a.error IS NOT NULL
     GROUP BY 1, 2
     ORDER BY count DESC, "lastAt" DESC
     LIMIT 8`);
}
