import { parseJson, toExchange } from "../http/exchange";
import { httpRequest } from "../http/request";
import { TokenCache, tokenCacheKey, type TokenFetchResult } from "../http/token-cache";
import { responseFailure, transportFailure } from "./failure";
import type { RainfocusClientConfig, RainfocusCredentials, RainfocusFailure } from "./types";

export type RainfocusTokenResult = TokenFetchResult<RainfocusFailure>;

export const DEFAULT_TOKEN_PATH = "/oauth/token";

/**
 * OAuth client credentials for a RainFocus API profile. The token URL is not published (the OIDC
 * issuer advertises no client_credentials grant), so it is configurable; the org id and the
 * environment travel as form fields and the token is bound to them.
 */
export class RainfocusOAuthClient {
  readonly cache: TokenCache;

  constructor(private readonly config: RainfocusClientConfig) {
    this.cache = config.tokenCache ?? new TokenCache();
  }

  cacheKey(c: RainfocusCredentials): string {
    return tokenCacheKey("rainfocus", this.tokenUrl(), c.clientId, c.clientSecret, c.orgId, c.environment);
  }

  getToken(c: RainfocusCredentials): Promise<RainfocusTokenResult> {
    return this.cache.get(this.cacheKey(c), () => this.requestToken(c));
  }

  invalidate(c: RainfocusCredentials, rejectedToken?: string): void {
    this.cache.invalidate(this.cacheKey(c), rejectedToken);
  }

  /** Always asks the token endpoint (no cache). */
  async requestToken(c: RainfocusCredentials): Promise<RainfocusTokenResult> {
    const r = await this.askTokenEndpoint(c);
    this.config.onTokenRequest?.(r.ok ? { issuer: "rainfocus", ok: true } : { issuer: "rainfocus", ok: false, code: r.code });
    return r;
  }

  private async askTokenEndpoint(c: RainfocusCredentials): Promise<RainfocusTokenResult> {
    const obtainedAt = Date.now();
    const result = await httpRequest({
      method: "POST",
      url: this.tokenUrl(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: c.clientId,
        client_secret: c.clientSecret,
        orgid: c.orgId,
        environment: c.environment,
      }).toString(),
      allowList: this.config.allowList,
      timeoutMs: this.config.timeoutMs,
      maxResponseBytes: 64 * 1024,
    });
    if (result.kind === "error") return { ok: false, ...transportFailure(result) };
    if (!result.ok) return { ok: false, ...responseFailure(result, "RainFocus token request") };
    const body = parseJson(result.body) as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (typeof body?.access_token !== "string") {
      return {
        ok: false,
        code: "unexpected",
        message: "RainFocus answered without an access token.",
        retryable: false,
        exchange: toExchange(result),
      };
    }
    // Seconds, as in RFC 6749; one hour when the server does not say.
    const lifetimeMs = (typeof body.expires_in === "number" ? body.expires_in : 3600) * 1000;
    return { ok: true, accessToken: body.access_token, obtainedAt, expiresAt: obtainedAt + lifetimeMs };
  }

  tokenUrl(): string {
    return joinUrl(this.config.apiUrl, this.config.tokenPath ?? DEFAULT_TOKEN_PATH);
  }
}

/** apiUrl may carry a path prefix (a proxy, the emulator); `new URL("/x", base)` would drop it. */
export function joinUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
