import { redactBody, redactHeaders } from "../redact";
import type { Exchange, HttpResult } from "./types";

/** The redacted record of one exchange for the delivery log (token responses lose their tokens). */
export function toExchange(result: HttpResult): Exchange {
  if (result.kind === "error") {
    return { request: result.request, durationMs: result.durationMs, error: `${result.error}: ${result.message}` };
  }
  return {
    request: result.request,
    response: {
      status: result.status,
      headers: redactHeaders(result.headers),
      body: redactBody(result.body, result.headers["content-type"]) ?? "",
    },
    durationMs: result.durationMs,
  };
}

/** Parses a JSON body, or undefined when it is not JSON (HTML error pages, empty bodies). */
export function parseJson(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
