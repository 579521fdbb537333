import "server-only";
import { z } from "zod";

// The web server's one reader of process.env; it imports nothing from the domain rooms
// (scripts/check-imports.ts). scripts/start.ts fills in DATABASE_URL, AUTH_SECRET and
// APP_ENCRYPTION_KEY (embedded database, generated local secrets) before the server starts.
//
// Two readings live elsewhere, because the worker (plain Node, no server-only) shares them:
// - how Relay reaches Adobe and RainFocus (URLs, allow-list, RAINFOCUS_*, EMULATORS, the sealing
//   keys): lib/integrations/parse-config.ts, from the record processEnv() returns;
// - LOG_LEVEL (lib/log.ts, read per line) and OTEL_* (lib/telemetry), which default to process.env
//   and are the only other reads of it under lib/ (check-imports refuses any new one).
// The worker's own settings (DELIVERY_*, ALERTS_EVAL_INTERVAL_MS) are parsed by lib/worker/config.ts.
const bool = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? undefined : !["0", "false", "off", "no", ""].includes(v.toLowerCase())));

const EnvSchema = z.object({
  NODE_ENV: z.string().default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set (start the app with `npm start`)"),
  AUTH_SECRET: z.string().min(16).optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  ADOBE_EMULATOR_PORT: z.coerce.number().int().default(4010),
  RAINFOCUS_EMULATOR_PORT: z.coerce.number().int().default(4020),
  TRUST_PROXY: bool,
  /** Inbound webhooks, per web server: requests per second per profile, and its burst. */
  INBOUND_RATE_PER_SEC: z.coerce.number().positive().default(500),
  INBOUND_BURST: z.coerce.number().int().positive().default(1000),
  /** Refused authentications (bad signature/bearer, unknown profile) per client address per minute before 429s. */
  INBOUND_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** AEP destination bodies: configurable aggregation sends up to 10,000 profiles per request. */
  AEP_INBOUND_MAX_PROFILES: z.coerce.number().int().positive().default(10_000),
  AEP_INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  /** Inbound answers 429 while at least this many deliveries are due (a cached count). */
  DELIVERY_BACKPRESSURE_DEPTH: z.coerce.number().int().min(1).default(100_000),
  /** How often that count is refreshed. */
  DELIVERY_BACKPRESSURE_REFRESH_MS: z.coerce.number().int().min(100).default(2000),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${detail}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * The raw environment, for lib/integrations' parseConfig: the worker process (plain Node, no
 * server-only) parses the same record the same way, so web and worker share one reading.
 */
export function processEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}

/**
 * Settings read on every use rather than from the cached parse, as they always were: tests set
 * METRICS_TOKEN per case, and the preview limits apply from the next job on.
 */
export function liveSetting(name: "METRICS_TOKEN" | "PUBLIC_URL" | "PREVIEW_TIMEOUT_MS" | "PREVIEW_MAX_HEAP_MB"): string | undefined {
  return process.env[name];
}

export function oidcConfigured(): boolean {
  const e = env();
  return Boolean(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_CLIENT_ID && e.AUTH_OIDC_CLIENT_SECRET);
}
