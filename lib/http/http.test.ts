import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { redactBody, redactHeaders, redactUrl } from "../redact";
import { parseRetryAfter } from "./retry-after";
import { TokenCache, tokenCacheKey } from "./token-cache";
import type { HttpResult } from "./types";

const req = { method: "POST", url: "https://x", headers: {} };
const res = (status: number, headers: Record<string, string> = {}): HttpResult => ({
  kind: "response",
  ok: status < 300,
  status,
  headers,
  body: "",
  durationMs: 1,
  request: req,
});

describe("parseRetryAfter", () => {
  it("parses seconds and HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe("classify", () => {
  it.each([
    [200, "success"],
    [207, "success"],
    [400, "permanent"],
    [401, "permanent"],
    [413, "permanent"],
    [408, "retryable"],
    [429, "retryable"],
    [500, "retryable"],
    [501, "permanent"],
    [503, "retryable"],
  ])("%i → %s", (status, kind) => {
    expect(classify(res(status)).kind).toBe(kind);
  });

  it("carries Retry-After", () => {
    expect(classify(res(429, { "retry-after": "2" }))).toEqual({ kind: "retryable", reason: "http_429", retryAfterMs: 2000 });
  });

  it("network and timeout are retryable, refusals are not", () => {
    const err = (error: "network" | "timeout" | "not_allowed" | "redirect"): HttpResult => ({
      kind: "error",
      error,
      message: "",
      durationMs: 0,
      request: req,
    });
    expect(classify(err("network")).kind).toBe("retryable");
    expect(classify(err("timeout")).kind).toBe("retryable");
    expect(classify(err("not_allowed")).kind).toBe("permanent");
    expect(classify(err("redirect")).kind).toBe("permanent");
  });
});

describe("redaction", () => {
  it("redacts auth headers but keeps the scheme", () => {
    expect(redactHeaders({ Authorization: "Bearer abc", "x-api-key": "id" })).toEqual({
      Authorization: "Bearer [REDACTED]",
      "x-api-key": "id",
    });
  });
  it("redacts form and JSON secrets and leaves other bodies untouched", () => {
    expect(redactBody("grant_type=client_credentials&client_id=a&client_secret=s3cr3t")).not.toContain("s3cr3t");
    expect(redactBody('{"access_token":"tok","expires_in":1}')).toBe('{"access_token":"[REDACTED]","expires_in":1}');
    expect(redactBody('{"a": 1}')).toBe('{"a": 1}');
    expect(redactUrl("https://h/p?client_secret=x&a=1")).toBe("https://h/p?client_secret=%5BREDACTED%5D&a=1");
    // RainFocus's apiProfile key is the whole credential with the token grant "none".
    expect(redactUrl("https://events.rainfocus.com/api/o/v2/attendee/update?apiProfile=k3y&event=e")).toBe(
      "https://events.rainfocus.com/api/o/v2/attendee/update?apiProfile=%5BREDACTED%5D&event=e",
    );
    expect(redactHeaders({ apiProfile: "k3y" })).toEqual({ apiProfile: "[REDACTED]" });
  });
});

describe("TokenCache", () => {
  it("caches, refreshes before expiry, and runs one fetch at a time", async () => {
    let now = 0;
    let calls = 0;
    const cache = new TokenCache({ now: () => now, refreshSkewMs: 60_000 });
    const fetcher = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return { ok: true as const, accessToken: `t${calls}`, obtainedAt: now, expiresAt: now + 1_000_000 };
    };
    const key = tokenCacheKey("id", "secret");
    const [a, b] = await Promise.all([cache.get(key, fetcher), cache.get(key, fetcher)]);
    expect(calls).toBe(1);
    expect(a).toEqual(b);
    now = 1_000_000 - 60_001;
    await cache.get(key, fetcher);
    expect(calls).toBe(1);
    now = 1_000_000 - 50_000; // inside the skew window
    await cache.get(key, fetcher);
    expect(calls).toBe(2);
    cache.invalidate(key, "t1"); // stale token: keeps t2
    expect(cache.peek(key)?.accessToken).toBe("t2");
    cache.invalidate(key, "t2");
    expect(cache.peek(key)).toBeUndefined();
    expect(key).not.toContain("secret");
  });
});
