import { classify } from "../http/classify";
import { parseJson, toExchange } from "../http/exchange";
import type { HttpErrorResult, HttpResponseResult } from "../http/types";
import type { RainfocusErrorCode, RainfocusFailure } from "./types";

export function transportFailure(result: HttpErrorResult): RainfocusFailure {
  return {
    code: result.error,
    message: result.message,
    retryable: result.error === "network" || result.error === "timeout",
    exchange: toExchange(result),
  };
}

/** RainFocus bodies are `{responseCode, responseMessage}`; OAuth errors `{error, error_description}`. */
export function responseFailure(result: HttpResponseResult, what: string): RainfocusFailure {
  const c = classify(result);
  const b = (parseJson(result.body) ?? {}) as Record<string, unknown>;
  const responseCode = b.responseCode ?? b.error;
  const detail = b.responseMessage ?? b.error_description ?? b.message;
  const s = result.status;
  const code: RainfocusErrorCode =
    s === 401 || s === 403 || b.error === "invalid_client"
      ? "bad_credentials"
      : s === 404
        ? "not_found"
        : s === 429
          ? "rate_limited"
          : s >= 500
            ? "unavailable"
            : s >= 400
              ? "invalid_request"
              : "unexpected";
  return {
    code,
    message: `${what} failed with HTTP ${s}${typeof detail === "string" ? `: ${detail}` : ""}`,
    retryable: c.kind === "retryable",
    ...(c.kind === "retryable" && c.retryAfterMs !== undefined ? { retryAfterMs: c.retryAfterMs } : {}),
    status: s,
    ...(responseCode !== undefined ? { responseCode: String(responseCode) } : {}),
    exchange: toExchange(result),
  };
}
