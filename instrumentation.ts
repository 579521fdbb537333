// Runs once when the Next.js server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { enableLinearRegexFallback } = await import("./lib/runtime/regex-safety");
    enableLinearRegexFallback();
    // Validation errors in plain words for actions and REST answers (lib/zod-messages.ts).
    const { installReadableZodMessages } = await import("./lib/zod-messages");
    installReadableZodMessages();
    // OpenTelemetry when OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set (lib/telemetry loads the SDK
    // only then): Next.js's own request spans and the inbound routes' relay.inbound spans.
    const { startTracing } = await import("./lib/telemetry");
    await startTracing("relay-web");
  }
}
