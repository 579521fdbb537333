import { z } from "zod";
import { DEFAULT_ADOBE_SCOPE } from "../adobe/types";
import { parseKey, type SealKey } from "../crypto/seal";
import { DEFAULT_OUTBOUND_HOSTS } from "../outbound/hosts";
import { RainfocusEnvShape, rainfocusSettingsFromEnv, type RainfocusSettings } from "../rainfocus/settings";

// How Relay reaches Adobe and RainFocus, read from one environment record by the web server
// (lib/integrations/config.ts, through lib/env.ts) and by every worker process alike, so the two
// cannot disagree on a URL, a timeout, the allow-list or the encryption keys. Pure: no
// server-only, no process.env; plain Node (the worker imports it).

/** The environment variables this reads; unknown names are ignored. */
export const IntegrationEnvShape = {
  APP_ENCRYPTION_KEY: z.string().optional(),
  /** During a key rotation: the old key, so values it sealed can still be opened. */
  APP_ENCRYPTION_KEY_PREVIOUS: z.string().optional(),
  /** Loopback is reachable only with an explicit on (npm start sets EMULATORS=on while they run). */
  EMULATORS: z.string().optional(),
  ADOBE_IMS_URL: z.url().optional(),
  ADOBE_PLATFORM_URL: z.url().optional(),
  RAINFOCUS_API_URL: z.url().optional(),
  /** Comma-separated hosts added to the outbound allow-list (a proxy, another Adobe region…). */
  OUTBOUND_EXTRA_HOSTS: z.string().optional(),
  ...RainfocusEnvShape,
};
const IntegrationEnvSchema = z.object(IntegrationEnvShape);

/** Every call to Adobe or RainFocus gives up after this long (per request). */
export const INTEGRATION_TIMEOUT_MS = 10_000;

export interface IntegrationConfig {
  adobe: { imsUrl: string; platformUrl: string; timeoutMs: number; scope: string };
  rainfocus: { apiUrl: string; timeoutMs: number; settings: RainfocusSettings };
  outbound: {
    /** Adobe's and RainFocus's hosts plus OUTBOUND_EXTRA_HOSTS. */
    hosts: string[];
    /** Only while the local emulators run; the alert webhook's list never allows loopback. */
    allowLoopback: boolean;
  };
  /** Sealing keys, current first then the previous one; empty when APP_ENCRYPTION_KEY is unset. */
  keys: SealKey[];
}

const ON = ["1", "true", "on", "yes"];

/** Env record in, typed config out; throws `Invalid environment: …` naming each bad variable. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): IntegrationConfig {
  const parsed = IntegrationEnvSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${detail}`);
  }
  const e = parsed.data;
  const extraHosts = (e.OUTBOUND_EXTRA_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return {
    adobe: {
      imsUrl: e.ADOBE_IMS_URL ?? "https://ims-na1.adobelogin.com",
      platformUrl: e.ADOBE_PLATFORM_URL ?? "https://platform.adobe.io",
      timeoutMs: INTEGRATION_TIMEOUT_MS,
      scope: DEFAULT_ADOBE_SCOPE,
    },
    rainfocus: { apiUrl: e.RAINFOCUS_API_URL ?? "https://api.rainfocus.com", timeoutMs: INTEGRATION_TIMEOUT_MS, settings: rainfocusSettingsFromEnv(e) },
    outbound: { hosts: [...DEFAULT_OUTBOUND_HOSTS, ...extraHosts], allowLoopback: e.EMULATORS !== undefined && ON.includes(e.EMULATORS.toLowerCase()) },
    keys: e.APP_ENCRYPTION_KEY ? [parseKey(e.APP_ENCRYPTION_KEY), ...(e.APP_ENCRYPTION_KEY_PREVIOUS ? [parseKey(e.APP_ENCRYPTION_KEY_PREVIOUS)] : [])] : [],
  };
}
