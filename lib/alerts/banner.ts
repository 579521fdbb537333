import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import type { AlertStatus } from "./schemas";
import { currentAlerts } from "./state";

/**
 * What the console banner shows: the stored alert state, read only. The delivery workers evaluate
 * the rules every ALERTS_EVAL_INTERVAL_MS (lib/alerts/evaluate-locked.ts), whether or not anyone
 * has the console open. A failed read shows no banner rather than breaking every page.
 */
export function getAlertBanner(now = new Date()): Promise<AlertStatus[]> {
  return currentAlerts(db, now).catch((e) => {
    log.error("reading the alert state failed", { error: e });
    return [];
  });
}
