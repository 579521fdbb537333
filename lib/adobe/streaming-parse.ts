import { isRetryableStatus } from "../http/classify";
import type { BatchMessageResult, StreamingViolation } from "./streaming-types";

/** …/collection/{inletId} → …/collection/batch/{inletId}; undefined when the URL has another shape. */
export function batchUrlFor(endpointUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    return undefined;
  }
  const m = /^(.*\/collection)\/(batch\/)?([^/]+)\/?$/.exec(url.pathname);
  if (!m) return undefined;
  url.pathname = `${m[1]}/batch/${m[3]}`;
  url.searchParams.delete("syncValidation"); // single-message only
  return url.toString();
}

/** The 207 body lists one entry per message, in order: `{xactionId}` or `{statusCode, message}`. */
export function parseBatchResponses(responses: unknown, count: number): BatchMessageResult[] {
  const list = Array.isArray(responses) ? responses : [];
  const out: BatchMessageResult[] = [];
  for (let index = 0; index < count; index++) {
    const r = (list[index] ?? {}) as { xactionId?: unknown; statusCode?: unknown; message?: unknown };
    const statusCode = typeof r.statusCode === "number" ? r.statusCode : Number(r.statusCode ?? NaN);
    if (Number.isFinite(statusCode) && (statusCode < 200 || statusCode >= 300)) {
      out.push({
        index,
        ok: false,
        statusCode,
        message: typeof r.message === "string" ? r.message : `HTTP ${statusCode}`,
        retryable: isRetryableStatus(statusCode),
      });
    } else if (list[index] === undefined) {
      // A missing entry means AEP did not confirm the message: treat it as retryable, not delivered.
      out.push({ index, ok: false, statusCode: 0, message: "No result for this message in the batch response.", retryable: true });
    } else {
      out.push({ index, ok: true, ...(typeof r.xactionId === "string" ? { xactionId: r.xactionId } : {}) });
    }
  }
  return out;
}

/** Flattens `report.cause._streamingValidation[].causingExceptions[]` from a sync-validation 400. */
export function parseViolations(body: unknown): StreamingViolation[] {
  const cause = (body as { report?: { cause?: { _streamingValidation?: unknown } } } | undefined)?.report?.cause;
  const groups = Array.isArray(cause?._streamingValidation) ? cause._streamingValidation : [];
  const out: StreamingViolation[] = [];
  for (const g of groups as { causingExceptions?: unknown[]; message?: string }[]) {
    for (const e of (g.causingExceptions ?? []) as StreamingViolation[]) {
      if (e && typeof e.message === "string") {
        out.push({
          message: e.message,
          ...(e.keyword ? { keyword: e.keyword } : {}),
          ...(e.pointerToViolation ? { pointerToViolation: e.pointerToViolation } : {}),
          ...(e.schemaLocation ? { schemaLocation: e.schemaLocation } : {}),
        });
      }
    }
  }
  return out;
}
