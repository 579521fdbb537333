/** What the delivery log stores about a request: secrets already redacted. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request/response pair, redacted, ready for an Attempt row. */
export interface Exchange {
  request: RecordedRequest;
  response?: RecordedResponse;
  durationMs: number;
  error?: string;
}

export interface HttpResponseResult {
  kind: "response";
  /** 2xx */
  ok: boolean;
  status: number;
  headers: Record<string, string>;
  /** The raw body, unredacted: callers parse tokens out of it. Use toExchange() for logging. */
  body: string;
  durationMs: number;
  request: RecordedRequest;
}

export type HttpErrorKind = "timeout" | "network" | "not_allowed" | "redirect" | "too_large";

export interface HttpErrorResult {
  kind: "error";
  error: HttpErrorKind;
  /** Human words, no secrets. */
  message: string;
  durationMs: number;
  request: RecordedRequest;
  /** For redirects: the 3xx status and its Location. */
  status?: number;
  location?: string;
}

export type HttpResult = HttpResponseResult | HttpErrorResult;
