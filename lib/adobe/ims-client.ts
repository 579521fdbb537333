import { parseJson, toExchange } from "../http/exchange";
import { httpRequest } from "../http/request";
import { TokenCache, tokenCacheKey, type TokenFetchResult } from "../http/token-cache";
import { responseFailure, transportFailure } from "./failure";
import { signAdobeJwt } from "./jwt";
import { DEFAULT_ADOBE_SCOPE, type AdobeClientConfig, type AdobeCredentials, type AdobeFailure } from "./types";

export type TokenResult = TokenFetchResult<AdobeFailure>;

type ImsConfig = Pick<AdobeClientConfig, "imsUrl" | "allowList" | "timeoutMs" | "tokenCache" | "scope" | "onTokenRequest">;

/**
 * Adobe IMS tokens: OAuth Server-to-Server (`/ims/token/v3`, expires_in in seconds) or the legacy
 * JWT exchange (`/ims/exchange/jwt`, expires_in in milliseconds). Tokens are cached per credential
 * set; there is no refresh token, a new one is simply requested.
 */
export class ImsClient {
  readonly cache: TokenCache;

  constructor(private readonly config: ImsConfig) {
    this.cache = config.tokenCache ?? new TokenCache();
  }

  cacheKey(c: AdobeCredentials): string {
    return tokenCacheKey("adobe", c.authMethod, c.clientId, c.clientSecret, c.orgId, c.technicalAccountId, this.scopeOf(c));
  }

  /** A cached token when fresh, otherwise one request to IMS shared by concurrent callers. */
  getToken(c: AdobeCredentials): Promise<TokenResult> {
    return this.cache.get(this.cacheKey(c), () => this.requestToken(c));
  }

  /** After a 401 `401013`: forget this token so the next getToken() fetches a new one. */
  invalidate(c: AdobeCredentials, rejectedToken?: string): void {
    this.cache.invalidate(this.cacheKey(c), rejectedToken);
  }

  /** Always asks IMS (no cache). */
  async requestToken(c: AdobeCredentials): Promise<TokenResult> {
    const r = await this.askIms(c);
    this.config.onTokenRequest?.(r.ok ? { issuer: "adobe_ims", ok: true } : { issuer: "adobe_ims", ok: false, code: r.code });
    return r;
  }

  private async askIms(c: AdobeCredentials): Promise<TokenResult> {
    let path: string;
    const form = new URLSearchParams({ client_id: c.clientId, client_secret: c.clientSecret });
    if (c.authMethod === "JWT") {
      if (!c.technicalAccountId || !c.privateKeyPem) {
        return fail("bad_credentials", "JWT credentials need a technical account ID and a private key.");
      }
      try {
        form.set(
          "jwt_token",
          signAdobeJwt({
            imsUrl: this.config.imsUrl,
            clientId: c.clientId,
            orgId: c.orgId,
            technicalAccountId: c.technicalAccountId,
            privateKeyPem: c.privateKeyPem,
          }),
        );
      } catch {
        return fail("bad_credentials", "The private key could not be read; paste the full PEM including its BEGIN/END lines.");
      }
      path = "/ims/exchange/jwt";
    } else {
      form.set("grant_type", "client_credentials");
      form.set("scope", this.scopeOf(c));
      path = "/ims/token/v3";
    }

    const obtainedAt = Date.now();
    const result = await httpRequest({
      method: "POST",
      url: new URL(path, this.config.imsUrl).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: form.toString(),
      allowList: this.config.allowList,
      timeoutMs: this.config.timeoutMs,
      maxResponseBytes: 64 * 1024,
    });
    if (result.kind === "error") return { ok: false, ...transportFailure(result) };
    if (!result.ok) return { ok: false, ...responseFailure(result, "Adobe IMS token request") };

    const body = parseJson(result.body) as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (typeof body?.access_token !== "string" || typeof body.expires_in !== "number") {
      return fail("unexpected", "Adobe IMS answered 200 without a usable access token.", toExchange(result));
    }
    // The JWT exchange reports milliseconds, OAuth S2S seconds.
    const lifetimeMs = c.authMethod === "JWT" ? body.expires_in : body.expires_in * 1000;
    return { ok: true, accessToken: body.access_token, obtainedAt, expiresAt: obtainedAt + lifetimeMs };
  }

  private scopeOf(c: AdobeCredentials): string {
    return c.scopes?.trim() || this.config.scope || DEFAULT_ADOBE_SCOPE;
  }
}

function fail(code: AdobeFailure["code"], message: string, exchange?: AdobeFailure["exchange"]): TokenResult {
  return { ok: false, code, message, retryable: false, ...(exchange ? { exchange } : {}) };
}
