import "server-only";
import type { PrismaClient } from "@/lib/db-client";
import { histogramSamples, type Family } from "./exposition";
import { idTimePrefix } from "./id-prefix";
import { inboundRejectCounts } from "./inbound-rejects";
import { readCounters, TOKEN_REQUESTS } from "./counters";

/** Upper bounds (seconds) of the attempt latency buckets. */
export const ATTEMPT_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

// Timestamps are timestamptz, compared with the database clock as it is.
const NOW = `now()`;

/** Deliveries by profile and status: an index-only scan of Delivery(profileId, status, receivedAt). */
async function deliveriesByStatus(db: PrismaClient): Promise<Family> {
  const rows = await db.$queryRawUnsafe<{ profileId: string; status: string; n: number }[]>(
    `SELECT "profileId", status::text AS status, count(*)::int AS n FROM "Delivery" GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return {
    name: "relay_deliveries",
    help: "Deliveries on record, by profile and status.",
    type: "gauge",
    samples: rows.map((r) => ({ labels: { profile_id: r.profileId, status: r.status }, value: r.n })),
  };
}

/**
 * Due now and claimable (queued or retrying, of profiles that are active, as the worker and the
 * backpressure count them), and how long the oldest has been due: Delivery_due_idx, (status, nextAttemptAt) of QUEUED and RETRYING rows.
 */
async function queue(db: PrismaClient): Promise<Family[]> {
  const [r] = await db.$queryRawUnsafe<{ depth: number; oldest: number | null }[]>(
    `SELECT count(*)::int AS depth, EXTRACT(EPOCH FROM ${NOW} - min(d."nextAttemptAt"))::float8 AS oldest
       FROM "Delivery" d JOIN "IntegrationProfile" p ON p.id = d."profileId"
      WHERE d.status IN ('QUEUED', 'RETRYING') AND d."nextAttemptAt" <= ${NOW}
        AND p.status = 'ACTIVE' AND p."deletedAt" IS NULL`,
  );
  return [
    { name: "relay_queue_depth", help: "Deliveries due now that a worker may claim.", type: "gauge", samples: [{ value: r?.depth ?? 0 }] },
    {
      name: "relay_queue_oldest_due_age_seconds",
      help: "Seconds the oldest due delivery has been waiting past its due time (0 when none is due).",
      type: "gauge",
      samples: [{ value: Math.max(0, r?.oldest ?? 0) }],
    },
  ];
}

/**
 * Attempt latency over the last hour, bucketed in SQL. Attempt has no index on startedAt, but its
 * ids start with their base-36 creation time, so `id >= <prefix of an hour ago>` is a range scan
 * of the primary key; the startedAt condition keeps the window exact.
 */
async function attemptLatency(db: PrismaClient, now = Date.now()): Promise<Family> {
  const buckets = ATTEMPT_BUCKETS_S.map((le, i) => `count(*) FILTER (WHERE "durationMs" <= ${le * 1000})::int AS b${i}`).join(", ");
  const [r] = await db.$queryRawUnsafe<Record<string, number>[]>(
    `SELECT ${buckets}, count(*)::int AS n, coalesce(sum("durationMs"), 0)::float8 AS sum_ms
       FROM "Attempt" WHERE id >= $1 AND "startedAt" >= ${NOW} - interval '1 hour'`,
    idTimePrefix(now - 3600_000),
  );
  const cumulative = ATTEMPT_BUCKETS_S.map((_, i) => r?.[`b${i}`] ?? 0);
  return {
    name: "relay_attempt_duration_seconds",
    help: "Duration of delivery attempts started in the last hour. A sliding window, not a running total: read the buckets directly (histogram_quantile), do not rate() them.",
    type: "histogram",
    samples: histogramSamples(ATTEMPT_BUCKETS_S, cumulative, r?.n ?? 0, (r?.sum_ms ?? 0) / 1000),
  };
}

function inboundRejects(): Family {
  return {
    name: "relay_inbound_rejects_total",
    help: "Inbound requests refused by this web server since it started, by endpoint, HTTP status and error code.",
    type: "counter",
    samples: inboundRejectCounts().map((c) => ({ labels: { endpoint: c.endpoint, status: c.status, code: c.code }, value: c.n })),
  };
}

/** Token requests to Adobe IMS and RainFocus by every worker and web server (MetricCounter). */
async function tokenRequests(db: PrismaClient): Promise<Family> {
  const rows = await readCounters(db, TOKEN_REQUESTS);
  return {
    name: TOKEN_REQUESTS,
    help: "Access-token requests sent to Adobe IMS and RainFocus (first tokens and refreshes; cache hits are not requests), by issuer and outcome (ok or the failure code), across all processes.",
    type: "counter",
    samples: rows.map((r) => ({ labels: { issuer: r.labels.issuer ?? "", outcome: r.labels.outcome ?? "" }, value: r.value })),
  };
}

export async function collectMetrics(db: PrismaClient): Promise<Family[]> {
  const [deliveries, queueFamilies, latency, tokens] = await Promise.all([deliveriesByStatus(db), queue(db), attemptLatency(db), tokenRequests(db)]);
  return [deliveries, ...queueFamilies, latency, tokens, inboundRejects()];
}
