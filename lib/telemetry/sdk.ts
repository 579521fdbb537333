// The OpenTelemetry SDK, loaded by lib/telemetry/index.ts only when tracing is on: a
// NodeTracerProvider (AsyncLocalStorage context, so Next.js's request spans parent ours) exporting
// over OTLP/HTTP (JSON) in batches, and the W3C trace-context propagator.
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-node";
import { redactInboundPath } from "../inbound/path";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

export interface SdkOptions {
  serviceName: string;
  /** The full traces URL (…/v1/traces); else the exporter reads OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT. */
  url?: string;
}

export interface RunningSdk {
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export function registerProvider(opts: SdkOptions): RunningSdk {
  // OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME (envDetector) win over the default name.
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: opts.serviceName }).merge(detectResources({ detectors: [envDetector] }));
  // The sampler is the SDK's default: OTEL_TRACES_SAMPLER / _ARG, else ParentBased(AlwaysOn).
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(redactingExporter(new OTLPTraceExporter(opts.url ? { url: opts.url } : {})))],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return {
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

/** URL attributes Next.js and the HTTP instrumentations put on request spans. */
const URL_ATTRIBUTES = ["http.target", "http.url", "url.full", "url.path"];

/**
 * Next.js puts the request's URL on its spans (http.target): an inbound capability (the inlet id,
 * the AEP "None" URL key) must not leave for the collector whole. Spans are finished when they
 * reach the exporter, so their attributes and name are rewritten in place.
 */
export function redactingExporter(inner: SpanExporter): SpanExporter {
  return {
    export(spans: ReadableSpan[], done) {
      for (const span of spans) {
        const attrs = span.attributes as Record<string, unknown>;
        for (const k of URL_ATTRIBUTES) if (typeof attrs[k] === "string") attrs[k] = redactInboundPath(attrs[k]);
        const name = redactInboundPath(span.name);
        if (name !== span.name) (span as { name: string }).name = name;
      }
      inner.export(spans, done);
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}
