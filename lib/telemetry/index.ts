// Optional OpenTelemetry tracing. Off unless OTEL_EXPORTER_OTLP_ENDPOINT or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set: then the web server (instrumentation.ts) and the worker
// (scripts/worker.ts) export their spans over OTLP/HTTP. The SDK is imported only then; while off,
// nothing beyond @opentelemetry/api is loaded and withSpan (./span) is a plain call.
import { context, propagation, trace } from "@opentelemetry/api";
import { setTracingActive, tracingActive } from "./span";
import type { RunningSdk } from "./sdk";

export { withSpan, setSpanAttributes, traceParentOf, spanContextOf, tracingActive } from "./span";

type Env = Record<string, string | undefined>;

/** On when an OTLP endpoint is configured and OTEL_SDK_DISABLED is not "true". */
export function tracingEnabled(env: Env = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim());
}

const SDK = Symbol.for("relay.telemetry.sdk");
type Holder = typeof globalThis & { [SDK]?: RunningSdk };

/**
 * Registers the global tracer provider when tracing is enabled (or `opts.url` is given, for tests):
 * service name OTEL_SERVICE_NAME, else `serviceName`. Returns whether tracing is on. Once per
 * process; a second call does nothing.
 */
export async function startTracing(serviceName: string, opts: { url?: string; env?: Env } = {}): Promise<boolean> {
  if (tracingActive()) return true;
  if (!opts.url && !tracingEnabled(opts.env)) return false;
  const { registerProvider } = await import("./sdk");
  (globalThis as Holder)[SDK] = registerProvider({ serviceName, ...(opts.url ? { url: opts.url } : {}) });
  setTracingActive(true);
  return true;
}

/** Exports the spans still buffered (they go out in batches every few seconds). */
export async function flushTracing(): Promise<void> {
  await (globalThis as Holder)[SDK]?.flush();
}

/** Flushes, stops exporting and unregisters the provider (the API's no-op tracer is back). */
export async function shutdownTracing(): Promise<void> {
  const sdk = (globalThis as Holder)[SDK];
  if (!sdk) return;
  delete (globalThis as Holder)[SDK];
  setTracingActive(false);
  try {
    await sdk.shutdown();
  } finally {
    trace.disable();
    context.disable();
    propagation.disable();
  }
}
