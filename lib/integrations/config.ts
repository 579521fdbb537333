import "server-only";
import { createAllowList, DEFAULT_OUTBOUND_HOSTS, type AllowList } from "@/lib/outbound";
import { DEFAULT_ADOBE_SCOPE } from "@/lib/adobe/types";
import { emulatorsOn, env } from "@/lib/env";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { tokenRequestCounter } from "@/lib/metrics/counters";
import type { TokenRequestListener } from "@/lib/http/token-cache";
import { rainfocusSettingsFromEnv } from "@/lib/rainfocus/settings";

let allowList: AllowList | undefined;

/** Adobe's and RainFocus's hosts, plus OUTBOUND_EXTRA_HOSTS; loopback only while the emulators run. */
export function outboundAllowList(): AllowList {
  if (!allowList) {
    const extra = (env().OUTBOUND_EXTRA_HOSTS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    allowList = createAllowList({ hosts: [...DEFAULT_OUTBOUND_HOSTS, ...extra], allowLoopback: emulatorsOn() });
  }
  return allowList;
}

let webhookList: AllowList | undefined;

/**
 * The alert webhook's list: the same hosts, https only, and never this machine or a private
 * network, emulators or not. Loopback was allowed (as for the emulators) on any port, and the saved
 * outcome of each POST made the webhook a port scanner of this machine (the database, Redis…).
 */
export function webhookAllowList(): AllowList {
  if (!webhookList) {
    const extra = (env().OUTBOUND_EXTRA_HOSTS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    webhookList = createAllowList({ hosts: [...DEFAULT_OUTBOUND_HOSTS, ...extra], allowLoopback: false });
  }
  return webhookList;
}

let onTokenRequest: TokenRequestListener | undefined;

/** Counts every token request this web server makes (remote status, Test connection). */
function tokenRequests(): TokenRequestListener {
  return (onTokenRequest ??= tokenRequestCounter(db, log));
}

export function adobeClientConfig() {
  const e = env();
  return {
    imsUrl: e.ADOBE_IMS_URL ?? "https://ims-na1.adobelogin.com",
    platformUrl: e.ADOBE_PLATFORM_URL ?? "https://platform.adobe.io",
    allowList: outboundAllowList(),
    timeoutMs: 10_000,
    scope: DEFAULT_ADOBE_SCOPE,
    onTokenRequest: tokenRequests(),
  };
}

export function rainfocusClientConfig() {
  return { apiUrl: env().RAINFOCUS_API_URL ?? "https://api.rainfocus.com", allowList: outboundAllowList(), timeoutMs: 10_000, onTokenRequest: tokenRequests(), settings: rainfocusSettingsFromEnv(env()) };
}
