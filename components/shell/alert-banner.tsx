import Link from "next/link";
import { getAlertBanner } from "@/lib/alerts/banner";

/** Firing alerts (red, with a link to the matching log) and, for 10 minutes, cleared ones (green). */
export async function AlertBanner() {
  const alerts = await getAlertBanner();
  if (!alerts.length) return null;
  return (
    <div className="mb-6 space-y-2" data-testid="alert-banner">
      {alerts.map((a) =>
        a.state === "FIRING" ? (
          <div key={a.kind} role="alert" data-alert-state="firing" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            <strong>{a.kind === "failure_ratio" ? "Failure ratio alert" : "Queue age alert"}</strong>
            <span>{a.message}</span>
            <Link href={a.href} className="font-medium underline">View deliveries</Link>
          </div>
        ) : (
          <div key={a.kind} role="status" data-alert-state="recovered" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
            <strong>{a.kind === "failure_ratio" ? "Failure ratio" : "Queue age"} recovered</strong> at {new Date(a.since).toISOString().slice(11, 16)} UTC.
          </div>
        ),
      )}
    </div>
  );
}
