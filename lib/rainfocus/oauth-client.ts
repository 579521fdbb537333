import { parseJson, toExchange } from "../http/exchange";
import { httpRequest } from "../http/request";
import { TokenCache, tokenCacheKey, type TokenFetchResult } from "../http/token-cache";
import { responseFailure, transportFailure } from "./failure";
import { DEFAULT_RAINFOCUS_SETTINGS, effectiveRainfocusSettings, type RainfocusSettings } from "./settings";
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

  /** The deployment's settings with this credential's overrides. */
  settings(c?: RainfocusCredentials): RainfocusSettings {
    const base = { ...DEFAULT_RAINFOCUS_SETTINGS, ...(this.config.tokenPath ? { tokenUrl: this.config.tokenPath } : {}), ...this.config.settings };
    return effectiveRainfocusSettings(base, c?.settings);
  }

  cacheKey(c: RainfocusCredentials): string {
    const s = this.settings(c);
    return tokenCacheKey("rainfocus", this.tokenUrl(c), s.tokenGrant, s.orgPlacement, c.clientId, c.clientSecret, c.orgId, c.environment);
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
    const s = this.settings(c);
    // Both client authentications of RFC 6749 §2.3.1; the OIDC issuer advertises client_secret_basic|post.
    const basic = s.tokenGrant === "client_credentials_basic";
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (!basic) {
      form.set("client_id", c.clientId);
      form.set("client_secret", c.clientSecret);
    }
    if (s.orgPlacement === "token-form") {
      form.set("orgid", c.orgId);
      form.set("environment", c.environment);
    }
    const enc = (v: string) => encodeURIComponent(v);
    const result = await httpRequest({
      method: "POST",
      url: this.tokenUrl(c),
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
        ...(basic ? { Authorization: `Basic ${Buffer.from(`${enc(c.clientId)}:${enc(c.clientSecret)}`).toString("base64")}` } : {}),
      },
      body: form.toString(),
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

  tokenUrl(c?: RainfocusCredentials): string {
    return joinUrl(this.config.apiUrl, this.settings(c).tokenUrl || DEFAULT_TOKEN_PATH);
  }
}

/** apiUrl may carry a path prefix (a proxy, the emulator); `new URL("/x", base)` would drop it. */
export function joinUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
