import type { Exchange } from "../http/types";

/** One sync-validation violation as AEP reports it under `_streamingValidation[].causingExceptions`. */
export interface StreamingViolation {
  schemaLocation?: string;
  pointerToViolation?: string;
  keyword?: string;
  message: string;
}

interface Common {
  httpStatus?: number;
  /** Redacted request and response, byte-exact otherwise, for the delivery log. */
  exchange: Exchange;
}

export type StreamingResult =
  | (Common & {
      status: "delivered";
      httpStatus: number;
      xactionId?: string;
      receivedTimeMs?: number;
      syncValidation?: unknown;
    })
  | (Common & { status: "retryable"; reason: string; message: string; retryAfterMs?: number; tokenRejected?: boolean })
  | (Common & {
      status: "permanent";
      reason: string;
      message: string;
      /** 401/403 from an authenticated inlet: a fresh token may help once (withTokenRefresh). */
      tokenRejected?: boolean;
      violations?: StreamingViolation[];
    });

export type BatchMessageResult =
  | { index: number; ok: true; xactionId?: string }
  | { index: number; ok: false; statusCode: number; message: string; retryable: boolean };

export type BatchResult =
  | (Common & { status: "completed"; httpStatus: number; batchId?: string; messages: BatchMessageResult[] })
  | Exclude<StreamingResult, { status: "delivered" }>;

export interface SendSingleInput {
  /** The profile's streaming endpoint: https://dcs.adobedc.net/collection/{inletId} */
  endpointUrl: string;
  /** The dataflow ID, sent as `x-adobe-flow-id`. */
  flowId: string;
  /** A JSON value, or an already serialised JSON string (sent as is). */
  body: unknown;
  /** IMS access token, for authenticated inlets. */
  token?: string;
  /** Older docs ask for the org header on authenticated inlets. */
  orgId?: string;
  /** Development only; AEP answers 501 outside VA7. */
  syncValidation?: boolean;
}

export interface SendBatchInput {
  endpointUrl: string;
  flowId: string;
  messages: unknown[];
  /** JSON.stringify of each message, when the caller already has it (the body is then built from these). */
  messagesJson?: string[];
  token?: string;
  orgId?: string;
}
