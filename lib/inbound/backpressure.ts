import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { refuse, type InboundAnswer } from "./common";
import { countDueDeliveries, QueueDepthGauge } from "../queue/queue-depth";

/** Seconds a refused sender is asked to wait: long enough for workers to drain a good part. */
export const BACKPRESSURE_RETRY_AFTER_S = 5;

let gauge: QueueDepthGauge | undefined;

/**
 * Backpressure (issue 7): while DELIVERY_BACKPRESSURE_DEPTH or more deliveries are due, the
 * inbound endpoints refuse new work with 429 + Retry-After instead of growing the queue without
 * bound; senders retry later. Costs one cached read per request (see QueueDepthGauge).
 */
export async function refuseWhenQueueDeep(): Promise<InboundAnswer | null> {
  const limit = env().DELIVERY_BACKPRESSURE_DEPTH;
  gauge ??= new QueueDepthGauge(() => countDueDeliveries(db, limit), env().DELIVERY_BACKPRESSURE_REFRESH_MS);
  const depth = await gauge.depth();
  if (depth < limit) return null;
  const answer = refuse(
    429,
    "queue_full",
    `Relay's delivery queue is full (${limit.toLocaleString("en-US")} or more events waiting to be delivered). Nothing from this request was stored; retry after ${BACKPRESSURE_RETRY_AFTER_S} seconds.`,
    { retryAfterSeconds: BACKPRESSURE_RETRY_AFTER_S },
  );
  return { ...answer, headers: { "Retry-After": String(BACKPRESSURE_RETRY_AFTER_S) } };
}
