import { poolOf, type PrismaClient } from "../db-client";
import type { AllowList } from "../outbound/allow-list";
import { evaluateAlerts } from "./evaluate";

/** The advisory lock key of the alert evaluator ("RLYALERT" in ASCII); no other lock uses it. */
export const ALERTS_LOCK_KEY = "5930212946327458388";

/**
 * One alert evaluation if no other evaluator (another worker, another lane) is running one: the
 * session advisory lock is held on its own pooled connection for the whole evaluation, webhook
 * included, so a transition is stored and sent once. Released on every path; a connection that
 * dies releases it too. `ran: false` means another evaluator had the lock, which is fine: it
 * evaluates for everyone.
 */
export async function evaluateAlertsLocked(db: PrismaClient, now: Date, opts: { allowList: AllowList }): Promise<{ ran: boolean; transitions: number }> {
  const conn = await poolOf(db).connect();
  try {
    const { rows } = await conn.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [ALERTS_LOCK_KEY]);
    if (!rows[0]?.locked) return { ran: false, transitions: 0 };
    try {
      return { ran: true, transitions: (await evaluateAlerts(db, now, opts)).length };
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1::bigint)", [ALERTS_LOCK_KEY]);
    }
  } finally {
    conn.release();
  }
}
