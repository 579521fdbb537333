// Counters that any process adds to — workers as well as web servers — kept in PostgreSQL
// (MetricCounter), so /api/metrics on any web instance reports the whole deployment's totals.
// Only for rare events (a token request is about one per credential set per hour): each increment
// is one upsert. Frequent per-request counts stay in-process (inbound-rejects.ts).
import type { PrismaClient } from "../db-client";
import type { TokenRequestListener } from "../http/token-cache";
import type { Logger } from "../log";

export type CounterLabels = Record<string, string>;

/** Sorted keys, so one label set is always one row. */
export function labelKey(labels: CounterLabels): string {
  return JSON.stringify(Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

export async function addToCounter(db: PrismaClient, name: string, labels: CounterLabels, by = 1): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "MetricCounter" (name, labels, value, "updatedAt") VALUES ($1, $2, $3, now())
     ON CONFLICT (name, labels) DO UPDATE SET value = "MetricCounter".value + EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"`,
    name,
    labelKey(labels),
    by,
  );
}

export async function readCounters(db: PrismaClient, name: string): Promise<{ labels: CounterLabels; value: number }[]> {
  const rows = await db.$queryRawUnsafe<{ labels: string; value: bigint | number }[]>(
    `SELECT labels, value FROM "MetricCounter" WHERE name = $1 ORDER BY labels`,
    name,
  );
  return rows.map((r) => ({ labels: JSON.parse(r.labels) as CounterLabels, value: Number(r.value) }));
}

export const TOKEN_REQUESTS = "relay_token_requests_total";

/**
 * Records each token request (issuer, outcome) in the background. A metric must never fail the
 * token request it counts: a database error is logged and dropped.
 */
export function tokenRequestCounter(db: PrismaClient, log?: Pick<Logger, "warn">): TokenRequestListener {
  return ({ issuer, ok, code }) => {
    addToCounter(db, TOKEN_REQUESTS, { issuer, outcome: ok ? "ok" : (code ?? "error") }).catch((e: unknown) =>
      log?.warn("token request not counted", { issuer, error: e instanceof Error ? e.message : String(e) }),
    );
  };
}
