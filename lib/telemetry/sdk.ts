// The OpenTelemetry SDK, loaded by lib/telemetry/index.ts only when tracing is on: a
// NodeTracerProvider (AsyncLocalStorage context, so Next.js's request spans parent ours) exporting
// over OTLP/HTTP (JSON) in batches, and the W3C trace-context propagator.
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
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
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(opts.url ? { url: opts.url } : {}))],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return {
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
