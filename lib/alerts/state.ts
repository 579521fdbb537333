import type { PrismaClient } from "../db-client";
import { readAlertRule, type AlertRule } from "./rule-read";
import { ALERT_KINDS, type AlertKind, type AlertStatus } from "./schemas";

// The stored alert state: the latest transition of each kind. The delivery worker's evaluator
// writes it (lib/alerts/evaluate.ts); the console's banner only reads it.

/** How long a cleared alert shows its green "recovered" notice. */
export const RECOVERED_NOTICE_MS = 10 * 60_000;

/** The log view that shows what tripped an alert: for the failure ratio, its window ending at `at`. */
export function alertHref(kind: AlertKind, rule: AlertRule, at: Date): string {
  if (kind === "failure_ratio") {
    const from = new Date(at.getTime() - rule.failureWindowMinutes * 60_000);
    return `/deliveries?${new URLSearchParams({ failedAttempts: "1", test: "no", from: from.toISOString() })}`;
  }
  if (kind === "queue_age") return `/deliveries?${new URLSearchParams({ status: "QUEUED,RETRYING,DELIVERING", test: "no" })}`;
  return `/deliveries/refused?${new URLSearchParams({ code: "bad_signature", range: "1h" })}`;
}

/** The latest stored transition of each alert kind. */
export async function latestAlertEvents(db: PrismaClient) {
  const rows = await Promise.all(ALERT_KINDS.map((kind) => db.alertEvent.findFirst({ where: { kind }, orderBy: [{ at: "desc" }, { id: "desc" }] })));
  return new Map(rows.filter((r) => r !== null).map((r) => [r.kind, r]));
}

/** What the banner shows at `now`: firing alerts, and for 10 minutes the ones that recovered. Reads only. */
export async function currentAlerts(db: PrismaClient, now: Date): Promise<AlertStatus[]> {
  const [rule, latest] = await Promise.all([readAlertRule(db), latestAlertEvents(db)]);
  return [...latest.values()]
    .filter((e) => e.state === "FIRING" || now.getTime() - e.at.getTime() < RECOVERED_NOTICE_MS)
    .map((e) => ({
      kind: e.kind as AlertKind,
      state: e.state as AlertStatus["state"],
      message: e.message,
      since: e.at.toISOString(),
      // From the window that tripped it, so the log shows those failures and any since.
      href: alertHref(e.kind as AlertKind, rule, e.at),
    }));
}
