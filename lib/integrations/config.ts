import "server-only";
import { processEnv } from "@/lib/env";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { tokenRequestCounter } from "@/lib/metrics/counters";
import type { AllowList } from "@/lib/outbound";
import type { SealKey } from "@/lib/crypto/seal";
import { createIntegrationClients, type IntegrationClients } from "./clients";
import { parseConfig, type IntegrationConfig } from "./parse-config";

// The web server's instance of the wiring every worker builds the same way
// (lib/worker/create-worker.ts): parsed once, on first use.

let config: IntegrationConfig | undefined;
let clients: IntegrationClients | undefined;

export function integrationConfig(): IntegrationConfig {
  return (config ??= parseConfig(processEnv()));
}

/** This server's clients; every token request they make (remote status, Test connection…) is counted. */
export function integrationClients(): IntegrationClients {
  return (clients ??= createIntegrationClients(integrationConfig(), { onTokenRequest: tokenRequestCounter(db, log) }));
}

/** Sealing keys, current first; throws when APP_ENCRYPTION_KEY is unset. */
export function sealKeys(): SealKey[] {
  const keys = integrationConfig().keys;
  if (!keys.length) throw new Error("APP_ENCRYPTION_KEY is not set (npm start generates one into .local/secrets.json).");
  return keys;
}

/** Adobe's and RainFocus's hosts, plus OUTBOUND_EXTRA_HOSTS; loopback only while the emulators run. */
export function outboundAllowList(): AllowList {
  return integrationClients().allowList;
}

/** The alert webhook's list: the same hosts, https only, never this machine or a private network. */
export function webhookAllowList(): AllowList {
  return integrationClients().webhookAllowList;
}
