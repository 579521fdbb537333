export { httpRequest, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_RESPONSE_BYTES, type HttpRequestInit } from "./request";
export { classify, isRetryableStatus, type Classification } from "./classify";
export { parseRetryAfter } from "./retry-after";
export { toExchange, parseJson } from "./exchange";
export { redactHeaders, redactBody, redactUrl, REDACTED } from "../redact";
export { TokenCache, tokenCacheKey, type CachedToken, type TokenFetchResult, type TokenCacheOptions, type TokenRequestListener } from "./token-cache";
export type * from "./types";
