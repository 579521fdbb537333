"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { getDashboardAction } from "@/lib/dashboard/actions";
import { DASHBOARD_RANGES, type DashboardRange } from "@/lib/dashboard/schemas";
import { unwrap } from "@/lib/actions/unwrap";
import { dashboardKeys } from "@/lib/query-keys";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { isoTime, timeAgo } from "@/components/format";
import { useHydrated } from "@/components/use-hydrated";
import { StatusChart } from "./status-chart";
import { ProfileHealthTable } from "./profile-health";
import { TopErrors } from "./top-errors";
import { formatMs, logHref } from "./format";

const REFRESH_MS = 15_000;

type ProfileOption = { id: string; name: string };

export function DashboardClient({ profiles }: { profiles: ProfileOption[] }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const hydrated = useHydrated();
  const range = (params.get("range") && params.get("range")! in DASHBOARD_RANGES ? params.get("range") : "24h") as DashboardRange;
  const profileId = params.get("profileId") || undefined;
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    router.replace(`${pathname}?${next}`, { scroll: false });
  };
  const query = useQuery({
    queryKey: dashboardKeys.view(range, profileId),
    queryFn: () => unwrap(getDashboardAction({ range, profileId })),
    refetchInterval: REFRESH_MS,
    placeholderData: (prev) => prev,
  });
  const d = query.data;
  const t = d?.overall.totals;
  // The log filtered to what a tile counts: attempts made since the window's first bucket.
  const attempts = { profileId, test: "no", from: d ? new Date(d.from).toISOString() : undefined };
  const failedAttempts = t ? t.retrying + t.failed + t.dead : 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <div role="group" aria-label="Time range" className="inline-flex rounded-md shadow-sm ring-1 ring-zinc-300 dark:ring-zinc-700">
            {(Object.keys(DASHBOARD_RANGES) as DashboardRange[]).map((r, i) => (
              <button
                key={r}
                type="button"
                aria-pressed={r === range}
                onClick={() => set("range", r === "24h" ? undefined : r)}
                disabled={!hydrated}
                className={`h-8 px-3 text-sm font-medium ${i ? "border-l border-zinc-300 dark:border-zinc-700" : "rounded-l-md"} ${i === 2 ? "rounded-r-md" : ""} ${
                  r === range ? "bg-brand-600 text-white" : "bg-white text-zinc-700 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }`}
                title={DASHBOARD_RANGES[r].label}
              >
                {r.replace("h", " h").replace("d", " d")}
              </button>
            ))}
          </div>
          <select
            aria-label="Profile"
            value={profileId ?? ""}
            onChange={(e) => set("profileId", e.target.value || undefined)}
            className="h-8 max-w-64 truncate rounded-md border border-zinc-300 bg-white px-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="">All profiles</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 text-xs text-zinc-500">
          <span className={`size-2 rounded-full ${query.isFetching ? "animate-pulse bg-brand-500" : "bg-emerald-500"}`} />
          {d ? <span title={isoTime(d.now)}>Updated {new Date(d.now).toLocaleTimeString()}</span> : <span>Loading…</span>}
          <span>· refreshes every {REFRESH_MS / 1000} s</span>
        </div>
      </div>
      {query.error ? <Alert tone="error">{query.error.message}</Alert> : null}

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5" aria-busy={!d}>
        <Tile
          label="Delivered"
          value={t ? t.delivered.toLocaleString() : "…"}
          href={logHref({ ...attempts, attempt: "delivered" })}
          testId="tile-delivered"
          sub={t ? `${t.received.toLocaleString()} received${t.replayed ? ` · ${t.replayed.toLocaleString()} more on replay` : ""}` : undefined}
        />
        <Tile
          label="Success rate"
          value={t?.successRate == null ? (t ? "—" : "…") : `${(t.successRate * 100).toFixed(t.successRate < 1 && t.successRate > 0.999 ? 2 : 1)}%`}
          testId="tile-success"
          tone={t?.successRate != null && t.successRate < 0.95 ? "bad" : undefined}
          sub={
            t
              ? `${failedAttempts.toLocaleString()} of ${t.attempts.toLocaleString()} attempts failed${t.replayAttempts ? ` · ${t.replayAttempts.toLocaleString()} were replays` : ""}`
              : undefined
          }
          title="Every attempt made in the range counts, retries and replays included: replaying an outage does not erase it."
          href={failedAttempts ? logHref({ ...attempts, attempt: "failed" }) : undefined}
        />
        <Tile
          label="Latency p50 / p95"
          value={
            t ? (
              <>
                {formatMs(t.p50Ms)}
                <span className="text-base font-medium text-zinc-500"> / {formatMs(t.p95Ms)}</span>
              </>
            ) : (
              "…"
            )
          }
          testId="tile-latency"
          sub="received → delivered, first sends"
        />
        <Tile
          label="Queue depth"
          value={d ? d.overall.queue.depth.toLocaleString() : "…"}
          testId="tile-queue"
          tone={d?.overall.queue.oldest && Date.now() - new Date(d.overall.queue.oldest).getTime() > 15 * 60_000 ? "bad" : undefined}
          sub={d ? (d.overall.queue.oldest ? `oldest waiting ${timeAgo(d.overall.queue.oldest)}` : "nothing waiting") : undefined}
          href={d?.overall.queue.depth ? logHref({ profileId, test: "no", status: "QUEUED,DELIVERING,RETRYING" }) : undefined}
        />
        <Tile
          label="Refused requests"
          value={d ? d.refused.requests.toLocaleString() : "…"}
          testId="tile-refused"
          tone={d?.refused.authFailures ? "bad" : undefined}
          sub={d ? (d.refused.requests ? `${d.refused.authFailures.toLocaleString()} bad signature or token` : "none refused") : undefined}
          title="Inbound requests we answered with an error: bad signature, push type not enabled, unknown profile, too large, rate limited."
          href={d?.refused.requests ? refusedHref(range, profileId) : undefined}
        />
      </div>

      <Card className="p-4">
        <div className="mb-3 flex items-baseline justify-between gap-3">
          <h2 className="text-sm font-semibold">Outcomes over time</h2>
          <span className="text-xs text-zinc-500">
            {DASHBOARD_RANGES[range].label}
            {profileId ? ` · ${profiles.find((p) => p.id === profileId)?.name ?? "one profile"}` : " · all profiles"}
          </span>
        </div>
        {d ? <StatusChart series={d.series} bucketMs={d.bucketMs} /> : <div className="h-56 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />}
      </Card>

      <ProfileHealthTable profiles={d?.profiles} range={range} />
      <TopErrors errors={d?.errors} scope={attempts} />
    </div>
  );
}

function refusedHref(range: DashboardRange, profileId?: string) {
  const q = new URLSearchParams({ range, ...(profileId ? { profileId } : {}) });
  return `/deliveries/refused?${q}`;
}

function Tile({
  label,
  value,
  sub,
  href,
  tone,
  testId,
  title,
}: {
  label: string;
  value: React.ReactNode;
  sub?: string;
  href?: string;
  tone?: "bad";
  testId: string;
  title?: string;
}) {
  const body = (
    <>
      <div className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</div>
      <div
        className={`mt-1 whitespace-nowrap text-2xl font-semibold tabular-nums ${tone === "bad" ? "text-red-600 dark:text-red-400" : ""}`}
        data-testid={testId}
      >
        {value}
      </div>
      {sub ? <div className="mt-0.5 line-clamp-2 text-xs text-zinc-500">{sub}</div> : null}
    </>
  );
  const cls = "block rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900";
  return href ? (
    <Link href={href} title={title} className={`${cls} hover:border-brand-500/60`}>
      {body}
    </Link>
  ) : (
    <div className={cls} title={title}>
      {body}
    </div>
  );
}
