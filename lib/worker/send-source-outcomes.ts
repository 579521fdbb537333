import type { BatchResult, StreamingResult } from "../adobe/streaming-types";
import type { WithTokenResult } from "../adobe/with-token-refresh";
import { redactJson } from "../redact";
import { failure, type AttemptExchange, type ClaimedDelivery, type SendOutcome } from "../queue/types";

/** One event ready to go: the delivery, what the log shows as mapped, and the exact wire message. */
export type Prepared = { d: ClaimedDelivery; output: Record<string, unknown> | undefined; message: unknown; json: string };

/** The rejected first try of a token refresh, logged beside the retry. */
function refreshed<R extends { exchange: AttemptExchange["exchange"] }>(r: WithTokenResult<R>): AttemptExchange[] {
  return r.ok && r.firstAttempt
    ? [{ exchange: r.firstAttempt.exchange, errorClass: "token_rejected", error: "The access token was refused; fetched a new one and retried once." }]
    : [];
}

export function tokenFailure(r: Extract<WithTokenResult<unknown>, { ok: false }>, mapped: unknown): SendOutcome {
  const t = r.tokenError;
  return failure(
    {
      retryable: t.retryable,
      errorClass: `token_${t.code}`,
      error: `Adobe IMS token: ${t.message}`,
      ...(t.status ? { statusCode: t.status } : {}),
      ...(t.retryAfterMs !== undefined ? { retryAfterMs: t.retryAfterMs } : {}),
      mapped,
    },
    [t.exchange ? { exchange: t.exchange } : { url: "(ims token)" }],
  );
}

export function singleOutcome(r: WithTokenResult<StreamingResult>, mapped: Record<string, unknown> | undefined): SendOutcome {
  if (!r.ok) return tokenFailure(r, mapped);
  return streamingOutcome(r.result, refreshed(r), mapped);
}

function streamingOutcome(x: StreamingResult, before: AttemptExchange[], mapped: Record<string, unknown> | undefined): SendOutcome {
  if (x.status === "delivered") return { kind: "delivered", statusCode: x.httpStatus, mapped, exchanges: [...before, { exchange: x.exchange }] };
  const detail =
    x.status === "permanent" && x.violations?.length
      ? `: ${x.violations.map((v) => `${(v.pointerToViolation ?? "").replace(/^#\/?/, "").split("/").join(".") || "the event"}: ${v.message}`).join("; ")}`
      : "";
  return failure(
    {
      retryable: x.status === "retryable",
      errorClass: x.reason,
      error: x.message + detail,
      ...(x.httpStatus !== undefined ? { statusCode: x.httpStatus } : {}),
      ...(x.status === "retryable" && x.retryAfterMs !== undefined ? { retryAfterMs: x.retryAfterMs } : {}),
      mapped,
    },
    [...before, { exchange: x.exchange }],
  );
}

export function batchOutcomes(r: WithTokenResult<BatchResult>, batch: Prepared[]): [ClaimedDelivery, SendOutcome][] {
  if (!r.ok) return batch.map((m) => [m.d, tokenFailure(r, m.output)]);
  const x = r.result;
  const before = refreshed(r);
  // Each delivery's Attempt shows its own message (secrets redacted, as every recorded body is), not the batch.
  const ownBody = (m: Prepared, i: number) => ({ batch: { size: batch.length, index: i }, message: redactJson(m.message) });
  if (x.status !== "completed") {
    // The whole request failed (429, 5xx, network, 413…): every message shares that outcome.
    return batch.map((m, i) => {
      const o = streamingOutcome(x, before, m.output);
      const last = o.exchanges.length - 1;
      return [m.d, { ...o, exchanges: o.exchanges.map((e, j) => (j === last ? { ...e, requestBody: ownBody(m, i) } : e)) }];
    });
  }
  return batch.map((m, i) => {
    const msg = x.messages[i]!;
    const own: AttemptExchange = {
      exchange: x.exchange,
      requestBody: ownBody(m, i),
      responseBody: JSON.stringify({ httpStatus: x.httpStatus, batchId: x.batchId, index: i, result: msg }),
    };
    if (msg.ok) return [m.d, { kind: "delivered", statusCode: x.httpStatus, mapped: m.output, exchanges: [...before, own] }];
    return [
      m.d,
      failure(
        {
          retryable: msg.retryable,
          errorClass: `batch_${msg.statusCode}`,
          error: `AEP refused this message in the batch (${msg.statusCode}): ${msg.message}`,
          statusCode: msg.statusCode,
          mapped: m.output,
        },
        [...before, own],
      ),
    ];
  });
}
