// Runs once when the Next.js server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { enableLinearRegexFallback } = await import("./lib/runtime/regex-safety");
    enableLinearRegexFallback();
    // OpenTelemetry when OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set (lib/telemetry loads the SDK
    // only then): Next.js's own request spans and the inbound routes' relay.inbound spans.
    const { startTracing } = await import("./lib/telemetry");
    await startTracing("relay-web");
  }
}
