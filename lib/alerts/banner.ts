import "server-only";
import { log } from "@/lib/log";
import { evaluateAlerts } from "./evaluate";
import type { AlertStatus } from "./schemas";

const TTL_MS = 30_000;
let cached: { at: number; result: Promise<AlertStatus[]> } | undefined;

/**
 * What the console banner shows. Evaluation runs on page load at most every 30 s per server
 * process (one shared promise), so no background job is needed and a busy console costs one
 * evaluation per 30 s. A failed evaluation shows no banner rather than breaking every page.
 */
export function getAlertBanner(now = new Date()): Promise<AlertStatus[]> {
  if (!cached || now.getTime() - cached.at >= TTL_MS) {
    const result = evaluateAlerts(now).catch((e) => {
      log.error("alert evaluation failed", { error: e });
      cached = undefined;
      return [];
    });
    cached = { at: now.getTime(), result };
  }
  return cached.result;
}

/** Saving the rules re-evaluates on the next page load instead of up to 30 s later. */
export function invalidateAlertBanner() {
  cached = undefined;
}
