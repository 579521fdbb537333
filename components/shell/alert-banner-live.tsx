"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { getAlertBannerAction } from "@/lib/alerts/actions";
import { ALERT_LABELS, type AlertStatus } from "@/lib/alerts/schemas";
import { unwrap } from "@/lib/actions/unwrap";
import { alertKeys } from "@/lib/query-keys";

/** The workers evaluate every 30 s by default (ALERTS_EVAL_INTERVAL_MS); polling at that pace shows a new or cleared alert without a reload. */
export const BANNER_REFRESH_MS = 30_000;

/** Firing alerts (red, with a link to the matching log) and, for 10 minutes, cleared ones (green). */
export function AlertBannerLive({ initial }: { initial: AlertStatus[] }) {
  const { data: alerts = initial } = useQuery({
    queryKey: alertKeys.banner(),
    queryFn: () => unwrap(getAlertBannerAction()),
    initialData: initial,
    refetchInterval: BANNER_REFRESH_MS,
  });
  if (!alerts.length) return null;
  return (
    <div className="mb-6 space-y-2" data-testid="alert-banner">
      {alerts.map((a) =>
        a.state === "FIRING" ? (
          <div
            key={a.kind}
            role="alert"
            data-alert-state="firing"
            className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            <strong>{ALERT_LABELS[a.kind]} alert</strong>
            <span>{a.message}</span>
            <Link href={a.href} className="font-medium underline">
              {a.kind === "auth_failures" ? "View refused requests" : "View deliveries"}
            </Link>
          </div>
        ) : (
          <div
            key={a.kind}
            role="status"
            data-alert-state="recovered"
            className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          >
            <strong>{ALERT_LABELS[a.kind]} recovered</strong> at {new Date(a.since).toISOString().slice(11, 16)} UTC.
          </div>
        ),
      )}
    </div>
  );
}
