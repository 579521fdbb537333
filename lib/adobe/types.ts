import type { AllowList } from "../outbound/allow-list";
import type { Exchange } from "../http/types";
import type { TokenCache, TokenRequestListener } from "../http/token-cache";

/** OAuth Server-to-Server is current; JWT reached end of life on 2025-06-30 but is still accepted. */
export type AdobeAuthMethod = "OAUTH_S2S" | "JWT";

export interface AdobeCredentials {
  authMethod: AdobeAuthMethod;
  clientId: string;
  clientSecret: string;
  /** `…@AdobeOrg` */
  orgId: string;
  /** `…@techacct.adobe.com`; required for JWT. */
  technicalAccountId?: string;
  /** PEM private key of the certificate attached to the integration; required for JWT. */
  privateKeyPem?: string;
  sandboxName?: string;
  /** Comma-separated OAuth scopes copied from the Developer Console; overrides the config default. */
  scopes?: string;
}

export interface AdobeClientConfig {
  /** e.g. https://ims-na1.adobelogin.com */
  imsUrl: string;
  /** e.g. https://platform.adobe.io */
  platformUrl: string;
  allowList: AllowList;
  timeoutMs?: number;
  /** Share one cache across clients so every caller reuses the same token per credential set. */
  tokenCache?: TokenCache;
  /** Called after each request to IMS (the token-refresh metric). */
  onTokenRequest?: TokenRequestListener;
  /** Default OAuth scope string. */
  scope?: string;
}

export const DEFAULT_ADOBE_SCOPE = "openid,session,AdobeID,read_organizations,additional_info.projectedProductContext";

export type AdobeErrorCode =
  | "bad_credentials"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "unavailable"
  | "network"
  | "timeout"
  | "not_allowed"
  | "redirect"
  | "too_large"
  | "unexpected";

/** A failed call, typed for the caller and worded for a person (never containing a secret). */
export interface AdobeFailure {
  code: AdobeErrorCode;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  status?: number;
  /** Adobe's own code when it sent one: `401013`, `invalid_client`, … */
  errorCode?: string;
  exchange?: Exchange;
}
