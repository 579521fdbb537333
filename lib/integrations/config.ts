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
