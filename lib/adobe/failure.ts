import { classify } from "../http/classify";
import { parseJson, toExchange } from "../http/exchange";
import type { HttpErrorResult, HttpResponseResult } from "../http/types";
import type { AdobeErrorCode, AdobeFailure } from "./types";

/** Transport-level failures (no usable HTTP answer). */
export function transportFailure(result: HttpErrorResult): AdobeFailure {
  const code: AdobeErrorCode = result.error;
  return {
    code,
    message: result.message,
    retryable: result.error === "network" || result.error === "timeout",
    ...(result.status !== undefined ? { status: result.status } : {}),
    exchange: toExchange(result),
  };
}

/** Adobe error bodies come in several shapes: gateway, IMS, DCS problem+json. */
export function adobeErrorCode(body: unknown): { code?: string; message?: string } {
  if (!body || typeof body !== "object") return {};
  const b = body as Record<string, unknown>;
  const code = b.error_code ?? b.error ?? b.code;
  const report = b.report as { message?: unknown } | undefined;
  const message = b.message ?? b.error_description ?? b.detail ?? report?.message ?? b.title;
  return {
    ...(code !== undefined ? { code: String(code) } : {}),
    ...(typeof message === "string" ? { message } : {}),
  };
}

// IMS answers these for credentials that can never work as sent (wrong secret, key, scope, claims).
const IMS_CREDENTIAL_ERRORS = new Set(["invalid_client", "invalid_signature", "invalid_scope", "invalid_token", "bad_request", "unauthorized_client"]);

/** Non-2xx answers from platform.adobe.io and IMS, mapped to our codes. */
export function responseFailure(result: HttpResponseResult, what: string): AdobeFailure {
  const c = classify(result);
  const { code: errorCode, message: adobeMessage } = adobeErrorCode(parseJson(result.body));
  const s = result.status;
  const code: AdobeErrorCode =
    s === 401 || (errorCode !== undefined && IMS_CREDENTIAL_ERRORS.has(errorCode))
      ? "bad_credentials"
      : s === 403
        ? "forbidden"
        : s === 404
          ? "not_found"
          : s === 429
            ? "rate_limited"
            : s >= 500
              ? "unavailable"
              : "unexpected";
  const detail = adobeMessage ? `: ${adobeMessage}` : "";
  return {
    code,
    message: `${what} failed with HTTP ${s}${detail}`,
    retryable: c.kind === "retryable",
    ...(c.kind === "retryable" && c.retryAfterMs !== undefined ? { retryAfterMs: c.retryAfterMs } : {}),
    status: s,
    ...(errorCode ? { errorCode } : {}),
    exchange: toExchange(result),
  };
}
