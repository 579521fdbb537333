// Spans over @opentelemetry/api for the inbound routes and the delivery worker. Only the API is
// imported here (a few kB, no SDK): while tracing is off (lib/telemetry/index.ts started nothing)
// withSpan calls its function straight away with a shared non-recording span, so the hot paths
// allocate no span, context or link.
import { SpanKind, SpanStatusCode, TraceFlags, isSpanContextValid, trace, type Attributes, type Link, type Span, type SpanContext } from "@opentelemetry/api";

export type { Attributes, Link, Span };
export { SpanKind };

/**
 * Set by startTracing once a provider is registered; on globalThis (like the API's own registry)
 * because Next.js bundles instrumentation.ts and the route handlers apart, each with its own copy
 * of this module.
 */
const ON = Symbol.for("relay.telemetry.on");
type Flagged = typeof globalThis & { [ON]?: boolean };

export function tracingActive(): boolean {
  return (globalThis as Flagged)[ON] === true;
}

/** @internal for lib/telemetry/index.ts */
export function setTracingActive(on: boolean): void {
  (globalThis as Flagged)[ON] = on;
}

const NOOP_SPAN: Span = trace.wrapSpanContext({ traceId: "0".repeat(32), spanId: "0".repeat(16), traceFlags: TraceFlags.NONE });

export interface WithSpanOptions {
  kind?: SpanKind;
  /** Computed only while tracing is on. */
  links?: () => Link[];
}

/**
 * Runs `fn` inside an active span named `name` (the current span, e.g. Next.js's request span, is
 * its parent) and ends the span when `fn` returns or its promise settles. A throw or rejection
 * marks the span as an error (its type and message, no stack) and is passed on. With tracing off:
 * just `fn(nonRecordingSpan)`.
 */
export function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => T, options: WithSpanOptions = {}): T {
  if (!tracingActive()) return fn(NOOP_SPAN);
  const links = options.links?.();
  return trace
    .getTracer("relay")
    .startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes, ...(links?.length ? { links } : {}) }, (span) => {
      let result: T;
      try {
        result = fn(span);
      } catch (err) {
        failSpan(span, err);
        span.end();
        throw err;
      }
      if (result instanceof Promise) {
        return result.then(
          (value) => (span.end(), value),
          (err: unknown) => {
            failSpan(span, err);
            span.end();
            throw err;
          },
        ) as T;
      }
      span.end();
      return result;
    });
}

/** Attributes on the current span (the one withSpan made active), when one is recording. */
export function setSpanAttributes(attributes: Attributes): void {
  if (!tracingActive()) return;
  const span = trace.getActiveSpan();
  if (span?.isRecording()) span.setAttributes(attributes);
}

function failSpan(span: Span, err: unknown): void {
  const type = err instanceof Error ? err.name : typeof err;
  span.setAttribute("error.type", type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
}

/**
 * The W3C `traceparent` of a sampled, recording span (version 00), or null: stored on the rows a
 * request creates so the worker can link its delivery span to the request's trace.
 */
export function traceParentOf(span: Span): string | null {
  if (!span.isRecording()) return null;
  const c = span.spanContext();
  if (!isSpanContextValid(c) || !(c.traceFlags & TraceFlags.SAMPLED)) return null;
  return `00-${c.traceId}-${c.spanId}-${(c.traceFlags & 0xff).toString(16).padStart(2, "0")}`;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The span context a stored `traceparent` names, or null when it is not a valid version-00 one. */
export function spanContextOf(traceParent: string | null | undefined): SpanContext | null {
  const m = traceParent ? TRACEPARENT.exec(traceParent) : null;
  if (!m) return null;
  const c: SpanContext = { traceId: m[1]!, spanId: m[2]!, traceFlags: parseInt(m[3]!, 16), isRemote: true };
  return isSpanContextValid(c) ? c : null;
}
