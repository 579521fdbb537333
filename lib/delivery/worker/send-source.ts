import type { AdobeClients } from "../../adobe/create-clients";
import type { BatchResult, StreamingResult } from "../../adobe/streaming-types";
import type { WithTokenResult } from "../../adobe/with-token-refresh";
import { planBatches } from "../batching";
import type { PreparedMapping } from "../mapping-for-profile";
import type { TokenBuckets } from "../token-bucket";
import type { DeliveryProfile } from "./profiles";
import { failure, type AttemptExchange, type ClaimedDelivery, type SendOutcome } from "./types";

export interface SourceDeps {
  adobe: AdobeClients;
  buckets: TokenBuckets;
  batchMaxMessages: number;
  /** Concurrent batch requests per inlet. */
  concurrency: number;
}

type Mapped = { d: ClaimedDelivery; output: Record<string, unknown>; json: string };

/**
 * RainFocus → AEP for one profile: map and validate each event, then stream the valid ones to the
 * profile's inlet — one /collection request when a single event is due, /collection/batch
 * requests (count and 1 MB limits, 207 read per message) when several are.
 */
export async function sendSource(
  deps: SourceDeps,
  profile: DeliveryProfile,
  mapping: PreparedMapping,
  items: ClaimedDelivery[],
  report: (d: ClaimedDelivery, o: SendOutcome) => Promise<void>,
): Promise<void> {
  const endpointUrl = profile.streamingEndpointUrl;
  const flowId = profile.dataflowId;
  const valid: Mapped[] = [];
  const pending: Promise<void>[] = [];
  for (const d of items) {
    if (!endpointUrl || !flowId) {
      pending.push(report(d, failure({ retryable: false, errorClass: "configuration", error: "The profile has no streaming endpoint or dataflow ID." }, [{ url: endpointUrl ?? "" }])));
      continue;
    }
    const r = mapping.map(d.sourcePayload);
    if (!r.ok) {
      pending.push(report(d, failure({ retryable: false, errorClass: "mapping", error: r.error, mapped: r.output }, [{ url: endpointUrl }])));
      continue;
    }
    valid.push({ d, output: r.output, json: JSON.stringify(r.output) });
  }
  await Promise.all(pending);
  if (!endpointUrl || !flowId || valid.length === 0) return;

  const plan = planBatches(valid.map((m) => Buffer.byteLength(m.json)), { maxMessages: deps.batchMaxMessages });
  await Promise.all(
    plan.tooLarge.map((i) =>
      report(valid[i]!.d, failure({ retryable: false, errorClass: "payload_too_large", error: "The mapped event is larger than 1 MB; AEP would refuse it (413).", mapped: valid[i]!.output }, [{ url: endpointUrl }])),
    ),
  );
  const target = { endpointUrl, flowId };
  const queue = plan.batches.map((b) => b.map((i) => valid[i]!));
  const run = async () => {
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      await deps.buckets.acquire(endpointUrl);
      if (batch.length === 1) {
        const m = batch[0]!;
        const r = profile.adobe
          ? await deps.adobe.sendAuthenticated(profile.adobe, { ...target, body: m.json })
          : { ok: true as const, refreshed: false, result: await deps.adobe.streaming.sendSingle({ ...target, body: m.json }) };
        await report(m.d, singleOutcome(r, m.output));
      } else {
        const messages = batch.map((m) => m.output);
        const r = profile.adobe
          ? await deps.adobe.sendBatchAuthenticated(profile.adobe, { ...target, messages })
          : { ok: true as const, refreshed: false, result: await deps.adobe.streaming.sendBatch({ ...target, messages }) };
        await Promise.all(batchOutcomes(r, batch).map(([d, o]) => report(d, o)));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency, queue.length) }, run));
}

/** The rejected first try of a token refresh, logged beside the retry. */
function refreshed<R extends { exchange: AttemptExchange["exchange"] }>(r: WithTokenResult<R>): AttemptExchange[] {
  return r.ok && r.firstAttempt ? [{ exchange: r.firstAttempt.exchange, errorClass: "token_rejected", error: "The access token was refused; fetched a new one and retried once." }] : [];
}

function tokenFailure(r: Extract<WithTokenResult<unknown>, { ok: false }>, mapped: unknown): SendOutcome {
  const t = r.tokenError;
  return failure(
    { retryable: t.retryable, errorClass: `token_${t.code}`, error: `Adobe IMS token: ${t.message}`, ...(t.status ? { statusCode: t.status } : {}), ...(t.retryAfterMs !== undefined ? { retryAfterMs: t.retryAfterMs } : {}), mapped },
    [t.exchange ? { exchange: t.exchange } : { url: "(ims token)" }],
  );
}

function singleOutcome(r: WithTokenResult<StreamingResult>, mapped: Record<string, unknown>): SendOutcome {
  if (!r.ok) return tokenFailure(r, mapped);
  return streamingOutcome(r.result, refreshed(r), mapped);
}

function streamingOutcome(x: StreamingResult, before: AttemptExchange[], mapped: Record<string, unknown>): SendOutcome {
  if (x.status === "delivered") return { kind: "delivered", statusCode: x.httpStatus, mapped, exchanges: [...before, { exchange: x.exchange }] };
  const detail = x.status === "permanent" && x.violations?.length ? `: ${x.violations.map((v) => `${v.pointerToViolation ?? "#"} ${v.message}`).join("; ")}` : "";
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

function batchOutcomes(r: WithTokenResult<BatchResult>, batch: Mapped[]): [ClaimedDelivery, SendOutcome][] {
  if (!r.ok) return batch.map((m) => [m.d, tokenFailure(r, m.output)]);
  const x = r.result;
  const before = refreshed(r);
  if (x.status !== "completed") {
    // The whole request failed (429, 5xx, network, 413…): every message shares that outcome.
    return batch.map((m) => [m.d, streamingOutcome(x, before, m.output)]);
  }
  return batch.map((m, i) => {
    const msg = x.messages[i]!;
    // Each delivery's Attempt shows its own message and its own line of the 207, not the batch.
    const own: AttemptExchange = {
      exchange: x.exchange,
      requestBody: { batch: { size: batch.length, index: i }, message: m.output },
      responseBody: JSON.stringify({ httpStatus: x.httpStatus, batchId: x.batchId, index: i, result: msg }),
    };
    if (msg.ok) return [m.d, { kind: "delivered", statusCode: x.httpStatus, mapped: m.output, exchanges: [...before, own] }];
    return [m.d, failure({ retryable: msg.retryable, errorClass: `batch_${msg.statusCode}`, error: `AEP refused this message in the batch (${msg.statusCode}): ${msg.message}`, statusCode: msg.statusCode, mapped: m.output }, [...before, own])];
  });
}
