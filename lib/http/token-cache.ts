import { createHash } from "node:crypto";

export interface CachedToken {
  accessToken: string;
  /** Epoch ms when the issuer says the token stops working. */
  expiresAt: number;
  /** Epoch ms when we obtained it; used to refresh proportionally for short-lived tokens. */
  obtainedAt: number;
}

/**
 * Told of every token request sent to an issuer (never of cache hits): the token-refresh metric.
 * `code` is the failure's code when the issuer refused or could not be reached.
 */
export type TokenRequestListener = (event: { issuer: "adobe_ims" | "rainfocus"; ok: boolean; code?: string }) => void;

export type TokenFetchResult<F> = ({ ok: true } & CachedToken) | ({ ok: false } & F);

export interface TokenCacheOptions {
  /** Refresh this long before expiry (capped at 10% of a token's lifetime). Default 5 min. */
  refreshSkewMs?: number;
  now?: () => number;
}

/**
 * Tokens per credential set. Keys are hashes (see tokenCacheKey) so no secret sits in memory as a
 * map key. One fetch per key is in flight at a time: concurrent callers share it, because IMS
 * throttles integrations that mint too many tokens.
 */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<TokenFetchResult<unknown>>>();
  private readonly skewMs: number;
  private readonly now: () => number;

  constructor(options: TokenCacheOptions = {}) {
    this.skewMs = options.refreshSkewMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  peek(key: string): CachedToken | undefined {
    const t = this.tokens.get(key);
    return t && this.isFresh(t) ? t : undefined;
  }

  async get<F>(key: string, fetcher: () => Promise<TokenFetchResult<F>>): Promise<TokenFetchResult<F>> {
    const cached = this.peek(key);
    if (cached) return { ok: true, ...cached };
    const pending = this.inflight.get(key) as Promise<TokenFetchResult<F>> | undefined;
    if (pending) return pending;
    const p = fetcher()
      .then((r) => {
        if (r.ok) this.tokens.set(key, { accessToken: r.accessToken, expiresAt: r.expiresAt, obtainedAt: r.obtainedAt });
        return r;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  /**
   * Drops the token after the server rejected it. Passing the rejected token avoids throwing away
   * a newer one that a concurrent caller already fetched.
   */
  invalidate(key: string, rejectedToken?: string): void {
    const t = this.tokens.get(key);
    if (t && (rejectedToken === undefined || t.accessToken === rejectedToken)) this.tokens.delete(key);
  }

  clear(): void {
    this.tokens.clear();
  }

  private isFresh(t: CachedToken): boolean {
    const lifetime = t.expiresAt - t.obtainedAt;
    const skew = Math.min(this.skewMs, Math.max(0, lifetime * 0.1));
    return this.now() < t.expiresAt - skew;
  }
}

/** Stable, non-reversible cache key for a credential set. */
export function tokenCacheKey(...parts: (string | undefined)[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p ?? "").update("\u0000");
  return h.digest("hex");
}
