import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** How far back "live" looks: recent enough to show an outage as it happens. */
export const LIVE_WINDOW_MS = 15 * 60_000;

/**
 * What the remote side (AEP for a source profile, RainFocus for a destination profile) did with our
 * most recent attempts, test sends included: they exercise the same connection. Attempts that
 * failed before anything was sent (mapping, configuration, too large) say nothing about the remote
 * and are left out. A stored "Test connection" result only says a token could be had back then.
 */
export type LiveHealth = {
  attempts: number;
  failed: number;
  last: { ok: boolean; status: number | null; error: string | null; at: Date };
};

const LOCAL_FAILURES = ["mapping", "configuration", "payload_too_large", "token_rejected"];

export async function liveHealth(now: Date, profileId?: string): Promise<Map<string, LiveHealth>> {
  const from = new Date(now.getTime() - LIVE_WINDOW_MS);
  const rows = await db.$queryRaw<
    { profileId: string; attempts: number; failed: number; lastOk: boolean; lastStatus: number | null; lastError: string | null; lastAt: Date }[]
  >(Prisma.sql`
    SELECT d."profileId", count(*)::int AS attempts,
           count(*) FILTER (WHERE a.outcome <> 'DELIVERED')::int AS failed,
           (array_agg(a.outcome = 'DELIVERED' ORDER BY a."startedAt" DESC, a.id DESC))[1] AS "lastOk",
           (array_agg(a."responseStatus" ORDER BY a."startedAt" DESC, a.id DESC))[1] AS "lastStatus",
           (array_agg(left(a.error, 200) ORDER BY a."startedAt" DESC, a.id DESC))[1] AS "lastError",
           max(a."startedAt") AS "lastAt"
      FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId"
     WHERE a."startedAt" >= ${from.toISOString()}::timestamptz AND a.outcome IS NOT NULL
       AND (a."errorClass" IS NULL OR a."errorClass" NOT IN (${Prisma.join(LOCAL_FAILURES)}))
       ${profileId ? Prisma.sql`AND d."profileId" = ${profileId}` : Prisma.empty}
     GROUP BY d."profileId"`);
  return new Map(
    rows.map((r) => [r.profileId, { attempts: r.attempts, failed: r.failed, last: { ok: r.lastOk, status: r.lastStatus, error: r.lastError, at: r.lastAt } }]),
  );
}
