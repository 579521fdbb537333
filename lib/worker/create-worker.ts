import { tokenRequestCounter } from "../metrics/counters";
import { createAdobeClients } from "../adobe/create-clients";
import { DEFAULT_ADOBE_SCOPE } from "../adobe/types";
import { parseKey } from "../crypto/seal";
import type { PrismaClient } from "../db-client";
import { TokenCache } from "../http/token-cache";
import { createAllowList, createDefaultAllowList, DEFAULT_OUTBOUND_HOSTS, type AllowList } from "../outbound";
import { RainfocusClient } from "../rainfocus/api-client";
import { rainfocusSettingsFromEnv } from "../rainfocus/settings";
import { deliveryConfigFromEnv, type DeliveryConfig } from "./config";
import { createLogger, isLogLevel } from "../log";
import { DeliveryWorker } from "./worker";

type Env = Record<string, string | undefined>;

/** Only an explicit EMULATORS=on (which npm start sets while it runs them) opens loopback. */
const on = (v: string | undefined) => v !== undefined && ["1", "true", "on", "yes"].includes(v.toLowerCase());

/**
 * A worker wired from environment variables (the same names lib/env.ts and lib/integrations use),
 * for `npm run worker` and the worker `npm start` runs: plain Node, no server-only imports.
 */
export function createWorkerFromEnv(db: PrismaClient, env: Env, overrides: Partial<DeliveryConfig> = {}, opts: { alertAllowList?: AllowList } = {}): DeliveryWorker {
  if (!env.APP_ENCRYPTION_KEY) throw new Error("APP_ENCRYPTION_KEY is not set; the worker cannot open profile credentials.");
  const keys = [parseKey(env.APP_ENCRYPTION_KEY), ...(env.APP_ENCRYPTION_KEY_PREVIOUS ? [parseKey(env.APP_ENCRYPTION_KEY_PREVIOUS)] : [])];
  // Loopback is reachable only while the local emulators run, exactly as for the console.
  const allowList = createDefaultAllowList({ allowLoopback: on(env.EMULATORS), extraHosts: env.OUTBOUND_EXTRA_HOSTS ?? "" });
  // Alert webhooks: the console's webhook list (lib/integrations/config.ts), never loopback.
  const extraHosts = (env.OUTBOUND_EXTRA_HOSTS ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  const alertAllowList = opts.alertAllowList ?? createAllowList({ hosts: [...DEFAULT_OUTBOUND_HOSTS, ...extraHosts], allowLoopback: false });
  const tokenCache = new TokenCache();
  // Structured JSON lines (lib/log.ts); LOG_LEVEL from the same env.
  const logger = createLogger({ env });
  const onTokenRequest = tokenRequestCounter(db, logger);
  const adobe = createAdobeClients({
    imsUrl: env.ADOBE_IMS_URL ?? "https://ims-na1.adobelogin.com",
    platformUrl: env.ADOBE_PLATFORM_URL ?? "https://platform.adobe.io",
    allowList,
    timeoutMs: 10_000,
    tokenCache,
    onTokenRequest,
    scope: DEFAULT_ADOBE_SCOPE,
  });
  const rainfocus = new RainfocusClient({ apiUrl: env.RAINFOCUS_API_URL ?? "https://api.rainfocus.com", allowList, timeoutMs: 10_000, tokenCache, onTokenRequest, settings: rainfocusSettingsFromEnv(env) });
  const config = { ...deliveryConfigFromEnv(env), ...overrides };
  const log = ({ level, msg, ...fields }: Record<string, unknown>) => logger[isLogLevel(level) ? level : "info"](String(msg), fields);
  return new DeliveryWorker({ db, keys, adobe, rainfocus, config, log, alertAllowList });
}
