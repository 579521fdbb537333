import type { AllowList } from "../outbound/allow-list";
import { classify } from "../http/classify";
import { parseJson, toExchange } from "../http/exchange";
import { redactUrl } from "../redact";
import { httpRequest } from "../http/request";
import type { HttpResponseResult, HttpResult } from "../http/types";
import { adobeErrorCode } from "./failure";
import { batchUrlFor, parseBatchResponses, parseViolations } from "./streaming-parse";
import type { BatchResult, SendBatchInput, SendSingleInput, StreamingResult } from "./streaming-types";

export interface StreamingClientConfig {
  allowList: AllowList;
  timeoutMs?: number;
  /** AEP refuses records over 1 MB with 413; refusing locally saves the round trip. */
  maxBodyBytes?: number;
}

export const MAX_STREAMING_BYTES = 1024 * 1024;

/** DCS streaming ingestion. One HTTP request per call: retries belong to the delivery engine. */
export class StreamingClient {
  constructor(private readonly config: StreamingClientConfig) {}

  async sendSingle(input: SendSingleInput): Promise<StreamingResult> {
    let url: URL;
    try {
      url = new URL(input.endpointUrl);
    } catch {
      return localFailure("invalid_endpoint", "The streaming endpoint is not a valid URL.", input.endpointUrl);
    }
    if (input.syncValidation) url.searchParams.set("syncValidation", "true");
    const body = typeof input.body === "string" ? input.body : JSON.stringify(input.body);
    const limit = this.config.maxBodyBytes ?? MAX_STREAMING_BYTES;
    if (Buffer.byteLength(body) > limit) {
      return localFailure("payload_too_large", `The message is larger than ${limit} bytes; AEP would refuse it (413).`, url.toString());
    }
    const result = await this.post(url.toString(), body, input);
    if (result.kind === "response" && result.ok) {
      const json = parseJson(result.body) as { xactionId?: string; receivedTimeMs?: number; syncValidation?: unknown } | undefined;
      return {
        status: "delivered",
        httpStatus: result.status,
        ...(json?.xactionId ? { xactionId: json.xactionId } : {}),
        ...(json?.receivedTimeMs ? { receivedTimeMs: json.receivedTimeMs } : {}),
        ...(json?.syncValidation !== undefined ? { syncValidation: json.syncValidation } : {}),
        exchange: toExchange(result),
      };
    }
    return failureOf(result, input.token !== undefined);
  }

  async sendBatch(input: SendBatchInput): Promise<BatchResult> {
    const url = batchUrlFor(input.endpointUrl);
    if (!url) return localFailure("invalid_endpoint", "The streaming endpoint does not look like …/collection/{inletId}.", input.endpointUrl);
    // The same text JSON.stringify({ messages }) gives, without serialising every message again.
    const body =
      input.messagesJson?.length === input.messages.length ? `{"messages":[${input.messagesJson.join(",")}]}` : JSON.stringify({ messages: input.messages });
    // Each delivery's attempt records its own message (redacted there): the whole body is not kept.
    const result = await this.post(
      url,
      body,
      input,
      JSON.stringify({ messages: `(${input.messages.length} messages: each delivery's attempt shows its own)` }),
    );
    if (result.kind === "response" && (result.status === 207 || result.status === 200)) {
      const json = parseJson(result.body) as { batchId?: string; responses?: unknown } | undefined;
      return {
        status: "completed",
        httpStatus: result.status,
        ...(json?.batchId ? { batchId: json.batchId } : {}),
        messages: parseBatchResponses(json?.responses, input.messages.length),
        exchange: toExchange(result),
      };
    }
    // "500 Error in processing payload … did not match the XDM definition in Platform"
    // (help/ingestion/tutorials/streaming-multiple-messages.md, Response codes): resending the same
    // batch cannot succeed, so it is not a transient 5xx here.
    if (result.kind === "response" && result.status === 500) {
      const { message } = adobeErrorCode(parseJson(result.body));
      return {
        status: "permanent",
        reason: "xdm_mismatch",
        httpStatus: 500,
        message: `AEP refused the batch (500): the messages did not match the dataset's XDM schema${message ? `: ${message}` : ""}`,
        exchange: toExchange(result),
      };
    }
    return failureOf(result, input.token !== undefined);
  }

  private post(url: string, body: string, input: { flowId: string; token?: string; orgId?: string }, recordedBody?: string): Promise<HttpResult> {
    const headers: Record<string, string> = { "Content-Type": "application/json", "x-adobe-flow-id": input.flowId };
    if (input.token) headers.Authorization = `Bearer ${input.token}`;
    if (input.orgId) headers["x-gw-ims-org-id"] = input.orgId;
    return httpRequest({
      method: "POST",
      url,
      headers,
      body,
      ...(recordedBody !== undefined ? { recordedBody } : {}),
      allowList: this.config.allowList,
      timeoutMs: this.config.timeoutMs,
    });
  }
}

function localFailure(reason: string, message: string, url: string): Extract<StreamingResult, { status: "permanent" }> {
  return { status: "permanent", reason, message, exchange: { request: { method: "POST", url: redactUrl(url), headers: {} }, durationMs: 0, error: message } };
}

function failureOf(result: HttpResult, sentToken: boolean): Exclude<StreamingResult, { status: "delivered" }> {
  const exchange = toExchange(result);
  const c = classify(result);
  if (result.kind === "error") {
    return c.kind === "retryable"
      ? { status: "retryable", reason: result.error, message: result.message, exchange }
      : { status: "permanent", reason: result.error, message: result.message, exchange };
  }
  const r: HttpResponseResult = result;
  const json = parseJson(r.body);
  const { code, message } = adobeErrorCode(json);
  const text = `AEP answered HTTP ${r.status}${message ? `: ${message}` : ""}`;
  const base = { httpStatus: r.status, message: text, exchange };
  if (c.kind === "retryable") {
    return { status: "retryable", reason: c.reason, ...base, ...(c.retryAfterMs !== undefined ? { retryAfterMs: c.retryAfterMs } : {}) };
  }
  const tokenRejected = sentToken && (r.status === 401 || r.status === 403) ? true : undefined;
  const violations = r.status === 400 ? parseViolations(json) : undefined;
  return {
    status: "permanent",
    reason: code === "401013" ? "token_invalid" : `http_${r.status}`,
    ...base,
    ...(tokenRejected ? { tokenRejected } : {}),
    ...(violations?.length ? { violations } : {}),
  };
}
