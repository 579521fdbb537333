import { SpanKind, spanContextOf, tracingActive, withSpan, type Link } from "../telemetry/span";
import type { SettledStatus } from "../queue/settle";
import type { ClaimedDelivery } from "../queue/types";

/**
 * Runs the delivery of one profile's claimed batch inside a `relay.deliver` span (tracing on only;
 * else just `send()`): profile, direction, batch size, highest attempt number, and once sent how
 * many deliveries settled as what (`outcomes`, filled in by the caller as they settle). A batch
 * holds deliveries of many inbound requests, so it is not a child of any of them: it carries one
 * span link per distinct inbound request (the traceparent stored on the rows), with its request id.
 */
export function deliverSpan<T>(
  profileId: string,
  items: readonly ClaimedDelivery[],
  outcomes: Partial<Record<SettledStatus, number>>,
  send: () => Promise<T>,
): Promise<T> {
  if (!tracingActive()) return send();
  let attempt = 0;
  let retries = 0;
  for (const d of items) {
    if (d.attempts > attempt) attempt = d.attempts;
    if (d.attempts > 1) retries++;
  }
  return withSpan(
    "relay.deliver",
    {
      "relay.profile_id": profileId,
      "relay.direction": items[0]?.direction ?? "unknown",
      "relay.batch_size": items.length,
      "relay.attempt": attempt,
      "relay.retries": retries,
    },
    async (span) => {
      const value = await send();
      span.setAttributes({
        "relay.delivered": outcomes.DELIVERED ?? 0,
        "relay.retrying": outcomes.RETRYING ?? 0,
        "relay.failed": outcomes.FAILED ?? 0,
        "relay.dead": outcomes.DEAD ?? 0,
      });
      return value;
    },
    { kind: SpanKind.CONSUMER, links: () => inboundLinks(items) },
  );
}

/** One link per distinct stored traceparent, in claim order. */
export function inboundLinks(items: readonly ClaimedDelivery[]): Link[] {
  const seen = new Map<string, Link>();
  for (const d of items) {
    if (!d.traceParent || seen.has(d.traceParent)) continue;
    const context = spanContextOf(d.traceParent);
    if (context) seen.set(d.traceParent, { context, attributes: d.requestId ? { "relay.request_id": d.requestId } : {} });
  }
  return [...seen.values()];
}
