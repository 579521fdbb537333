import "server-only";
import { z } from "zod";
import { DeliveryEnvShape } from "./worker/config";
import { RainfocusEnvShape } from "./rainfocus/settings";

// The one place that reads process.env. scripts/start.ts fills in DATABASE_URL, AUTH_SECRET and
// APP_ENCRYPTION_KEY (embedded database, generated local secrets) before the server starts.
const bool = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? undefined : !["0", "false", "off", "no", ""].includes(v.toLowerCase())));

const EnvSchema = z.object({
  NODE_ENV: z.string().default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set (start the app with `npm start`)"),
  AUTH_SECRET: z.string().min(16).optional(),
  APP_ENCRYPTION_KEY: z.string().optional(),
  // During a key rotation: the old key, so values it sealed can still be opened.
  APP_ENCRYPTION_KEY_PREVIOUS: z.string().optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  EMULATORS: bool,
  ADOBE_EMULATOR_PORT: z.coerce.number().int().default(4010),
  RAINFOCUS_EMULATOR_PORT: z.coerce.number().int().default(4020),
  ADOBE_IMS_URL: z.url().optional(),
  ADOBE_PLATFORM_URL: z.url().optional(),
  RAINFOCUS_API_URL: z.url().optional(),
  OUTBOUND_EXTRA_HOSTS: z.string().optional(),
  TRUST_PROXY: bool,
  /** Inbound webhooks, per web server: requests per second per profile, and its burst. */
  INBOUND_RATE_PER_SEC: z.coerce.number().positive().default(500),
  INBOUND_BURST: z.coerce.number().int().positive().default(1000),
  /** Refused authentications (bad signature/bearer, unknown profile) per client address per minute before 429s. */
  INBOUND_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** AEP destination bodies: configurable aggregation sends up to 10,000 profiles per request. */
  AEP_INBOUND_MAX_PROFILES: z.coerce.number().int().positive().default(10_000),
  AEP_INBOUND_MAX_BYTES: z.coerce.number().int().positive().default(256 * 1024 * 1024),
  ...RainfocusEnvShape,
  ...DeliveryEnvShape,
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

export function oidcConfigured(): boolean {
  const e = env();
  return Boolean(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_CLIENT_ID && e.AUTH_OIDC_CLIENT_SECRET);
}
