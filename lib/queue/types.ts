import type { Exchange } from "../http/types";

/** A delivery this worker holds a lease on. */
export interface ClaimedDelivery {
  id: string;
  profileId: string;
  direction: "SOURCE" | "DESTINATION";
  pushType: string | null;
  transmissionId: string;
  /** Attempts including the one about to be made (incremented by the claim). */
  attempts: number;
  receivedAt: Date;
  sourcePayload: unknown;
  /** The X-Request-Id of the inbound request that created it (null for older rows). */
  requestId: string | null;
  /** The W3C traceparent of that request's span, stored while tracing was on (lib/telemetry). */
  traceParent?: string | null;
  leaseToken: string;
}

/** One request as the Attempt log shows it. For a batch, the delivery's own message and result. */
export interface AttemptExchange {
  exchange?: Exchange;
  /** When nothing went over the wire (mapping failed, refused locally). */
  url?: string;
  requestBody?: unknown;
  responseBody?: string;
  errorClass?: string;
  error?: string;
}

export type SendOutcome =
  | { kind: "delivered"; statusCode?: number; mapped?: unknown; exchanges: AttemptExchange[] }
  | {
      kind: "failure";
      retryable: boolean;
      retryAfterMs?: number;
      statusCode?: number;
      errorClass: string;
      error: string;
      mapped?: unknown;
      exchanges: AttemptExchange[];
    };

export function failure(
  f: { retryable: boolean; errorClass: string; error: string; statusCode?: number; retryAfterMs?: number; mapped?: unknown },
  exchanges: AttemptExchange[],
): SendOutcome {
  return { kind: "failure", ...f, exchanges: exchanges.map((x) => ({ errorClass: f.errorClass, error: f.error, ...x })) };
}
