import { parseRetryAfter } from "./retry-after";
import type { HttpResult } from "./types";

export type Classification = { kind: "success" } | { kind: "retryable"; reason: string; retryAfterMs?: number } | { kind: "permanent"; reason: string };

/**
 * Retryable: network errors, timeouts, 408, 429 (with Retry-After when given) and 5xx, as the
 * delivery engine's policy expects. 501 is permanent: AEP answers it when sync validation is not
 * supported in the inlet's region, and repeating the call cannot change that. Redirects, refused
 * URLs and oversized answers are configuration problems, also permanent.
 */
export function classify(result: HttpResult, now: number = Date.now()): Classification {
  if (result.kind === "error") {
    if (result.error === "network" || result.error === "timeout") return { kind: "retryable", reason: result.error };
    return { kind: "permanent", reason: result.error };
  }
  const s = result.status;
  if (s >= 200 && s < 300) return { kind: "success" };
  if (s === 408 || s === 429 || (s >= 500 && s !== 501)) {
    const retryAfterMs = parseRetryAfter(result.headers["retry-after"], now);
    return { kind: "retryable", reason: `http_${s}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  return { kind: "permanent", reason: `http_${s}` };
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}
