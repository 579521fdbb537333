import { createAdobeClients, type AdobeClients } from "../adobe/create-clients";
import type { AdobeClientConfig } from "../adobe/types";
import { TokenCache, type TokenRequestListener } from "../http/token-cache";
import { createAllowList, type AllowList } from "../outbound";
import { RainfocusClient } from "../rainfocus/api-client";
import type { RainfocusClientConfig } from "../rainfocus/types";
import type { IntegrationConfig } from "./parse-config";

// The Adobe and RainFocus clients built from one IntegrationConfig, for the web server and every
// worker alike. Plain Node: the worker imports it.

export interface IntegrationClients {
  /** Where Relay may call out: Adobe's and RainFocus's hosts; loopback only while the emulators run. */
  allowList: AllowList;
  /**
   * The alert webhook's list: the same hosts, never this machine or a private network, emulators or
   * not (with loopback, the saved outcome of each POST made the webhook a port scanner of this machine).
   */
  webhookAllowList: AllowList;
  /** For one-off clients such as Test connection, which must not reuse a cached token. */
  adobeConfig: AdobeClientConfig;
  rainfocusConfig: RainfocusClientConfig;
  /** Both share one token cache, so every caller reuses the same token per credential set. */
  adobe: AdobeClients;
  rainfocus: RainfocusClient;
}

export interface IntegrationClientOptions {
  /** Called after each token request (the token-refresh metric). */
  onTokenRequest?: TokenRequestListener;
  /** Tests replace the webhook list to reach a local receiver. */
  webhookAllowList?: AllowList;
}

/** Build once per process (or per consumer that wants its own token cache) and share. */
export function createIntegrationClients(config: IntegrationConfig, opts: IntegrationClientOptions = {}): IntegrationClients {
  const allowList = createAllowList({ hosts: config.outbound.hosts, allowLoopback: config.outbound.allowLoopback });
  const webhookAllowList = opts.webhookAllowList ?? createAllowList({ hosts: config.outbound.hosts, allowLoopback: false });
  const tokenCache = new TokenCache();
  const onTokenRequest = opts.onTokenRequest ? { onTokenRequest: opts.onTokenRequest } : {};
  const adobeConfig: AdobeClientConfig = { ...config.adobe, allowList, tokenCache, ...onTokenRequest };
  const rainfocusConfig: RainfocusClientConfig = { ...config.rainfocus, allowList, tokenCache, ...onTokenRequest };
  return { allowList, webhookAllowList, adobeConfig, rainfocusConfig, adobe: createAdobeClients(adobeConfig), rainfocus: new RainfocusClient(rainfocusConfig) };
}
