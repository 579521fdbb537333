import { z } from "zod";

// The worker's delivery settings, parsed from the environment by scripts/worker.ts (a plain Node
// process that cannot import server-only modules). The inbound backpressure settings, which only
// the web server reads, are in lib/env.ts.

export const DeliveryEnvShape = {
  /** Attempts before a retryable failure becomes DEAD. */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** …or this long after receipt, whichever comes first. */
  DELIVERY_MAX_AGE_HOURS: z.coerce.number().positive().default(24),
  /** First backoff ceiling; each retry multiplies it by 4 up to DELIVERY_RETRY_CAP_MS. */
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(0).default(30_000),
  DELIVERY_RETRY_CAP_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(6 * 3600_000),
  /** A claimed delivery not settled within this becomes claimable by another worker. */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  DELIVERY_CLAIM_BATCH: z.coerce.number().int().min(1).max(5000).default(500),
  DELIVERY_POLL_MS: z.coerce.number().int().min(10).default(250),
  /**
   * Claim-deliver-settle cycles one worker keeps going at once: with 2, the next batch is claimed
   * and sent while the previous one's settles are still being written. 2 by default since the
   * claim stopped reading every waiting row (lib/queue/claim.ts): in bench:delivery on the shared
   * 2-core machine, one worker with 2 lanes delivered 0.97–1.42× (median 1.14×) what it did with 1
   * in 14 same-run pairs; before that fix, 2 lanes did not deliver more.
   */
  DELIVERY_WORKER_LANES: z.coerce.number().int().min(1).max(8).default(2),
  /** Messages per /collection/batch request (bytes are capped at 1 MB regardless). */
  DELIVERY_BATCH_MAX_MESSAGES: z.coerce.number().int().min(1).max(1000).default(100),
  /** Requests per second per inlet; Adobe documents 1,000. */
  DELIVERY_INLET_RATE_PER_SEC: z.coerce.number().positive().default(500),
  DELIVERY_INLET_BURST: z.coerce.number().int().positive().default(100),
  /** Payload bodies (delivery and attempt) are pruned this many days after receipt; rows stay. */
  DELIVERY_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /** Sign-in attempts (kept for throttling and for investigating attacks) are deleted after this many days. */
  LOGIN_ATTEMPT_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /**
   * How often each worker evaluates the alert rules (lib/alerts/evaluate-locked.ts). Workers take
   * turns under a PostgreSQL advisory lock, so more workers do not evaluate more often. 0: this
   * worker never evaluates (another one must, or no alert fires).
   */
  ALERTS_EVAL_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || ms >= 1000, "0 (off) or at least 1000 ms")
    .default(30_000),
  /** `off` keeps `npm start` from starting a worker beside the console. */
  DELIVERY_WORKER: z.string().optional(),
} as const;

export const DeliveryEnvSchema = z.object(DeliveryEnvShape);
export type DeliveryEnv = z.infer<typeof DeliveryEnvSchema>;

export interface DeliveryConfig {
  retry: { maxAttempts: number; maxAgeMs: number; baseMs: number; capMs: number; factor: number };
  leaseMs: number;
  claimBatch: number;
  pollMs: number;
  lanes: number;
  batchMaxMessages: number;
  inletRatePerSec: number;
  inletBurst: number;
  retentionDays: number;
  loginAttemptRetentionDays: number;
  /** The worker loop prunes payloads at most this often (hourly). */
  retentionIntervalMs: number;
  /** The worker evaluates the alert rules at most this often (ALERTS_EVAL_INTERVAL_MS); 0: never. */
  alertsIntervalMs: number;
}

export function deliveryConfig(e: DeliveryEnv): DeliveryConfig {
  return {
    retry: {
      maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
      maxAgeMs: e.DELIVERY_MAX_AGE_HOURS * 3600_000,
      baseMs: e.DELIVERY_RETRY_BASE_MS,
      capMs: e.DELIVERY_RETRY_CAP_MS,
      factor: 4,
    },
    leaseMs: e.DELIVERY_LEASE_MS,
    claimBatch: e.DELIVERY_CLAIM_BATCH,
    pollMs: e.DELIVERY_POLL_MS,
    lanes: e.DELIVERY_WORKER_LANES,
    batchMaxMessages: e.DELIVERY_BATCH_MAX_MESSAGES,
    inletRatePerSec: e.DELIVERY_INLET_RATE_PER_SEC,
    inletBurst: e.DELIVERY_INLET_BURST,
    retentionDays: e.DELIVERY_RETENTION_DAYS,
    loginAttemptRetentionDays: e.LOGIN_ATTEMPT_RETENTION_DAYS,
    retentionIntervalMs: 3600_000,
    alertsIntervalMs: e.ALERTS_EVAL_INTERVAL_MS,
  };
}

/** Parses a plain env record (process.env in scripts). */
export function deliveryConfigFromEnv(env: Record<string, string | undefined>): DeliveryConfig {
  return deliveryConfig(DeliveryEnvSchema.parse(env));
}
