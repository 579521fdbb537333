import { tokenRequestCounter } from "../metrics/counters";
import type { PrismaClient } from "../db-client";
import type { AllowList } from "../outbound";
import { createIntegrationClients } from "../integrations/clients";
import { parseConfig } from "../integrations/parse-config";
import { deliveryConfigFromEnv, type DeliveryConfig } from "./config";
import { createLogger, isLogLevel } from "../log";
import { DeliveryWorker } from "./worker";

type Env = Record<string, string | undefined>;

/**
 * A worker wired from environment variables by the same parseConfig and createIntegrationClients
 * as the console (lib/integrations), for `npm run worker` and the worker `npm start` runs: plain
 * Node, no server-only imports.
 */
export function createWorkerFromEnv(
  db: PrismaClient,
  env: Env,
  overrides: Partial<DeliveryConfig> = {},
  opts: { alertAllowList?: AllowList } = {},
): DeliveryWorker {
  const integration = parseConfig(env);
  if (!integration.keys.length) throw new Error("APP_ENCRYPTION_KEY is not set; the worker cannot open profile credentials.");
  // Structured JSON lines (lib/log.ts); LOG_LEVEL from the same env.
  const logger = createLogger({ env });
  const { adobe, rainfocus, webhookAllowList } = createIntegrationClients(integration, {
    onTokenRequest: tokenRequestCounter(db, logger),
    webhookAllowList: opts.alertAllowList,
  });
  const config = { ...deliveryConfigFromEnv(env), ...overrides };
  const log = ({ level, msg, ...fields }: Record<string, unknown>) => logger[isLogLevel(level) ? level : "info"](String(msg), fields);
  return new DeliveryWorker({ db, keys: integration.keys, adobe, rainfocus, config, log, alertAllowList: webhookAllowList });
}
