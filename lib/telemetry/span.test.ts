import { afterEach, describe, expect, it } from "vitest";
import { context, propagation, trace, SpanStatusCode } from "@opentelemetry/api";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { setSpanAttributes, setTracingActive, spanContextOf, traceParentOf, tracingActive, withSpan } from "./span";
import { startTracing, tracingEnabled } from "./index";

describe("withSpan with tracing off", () => {
  it("just runs fn: its value, its promise, its errors, and a span that records nothing", async () => {
    expect(tracingActive()).toBe(false);
    expect(withSpan("s", { a: 1 }, () => 42)).toBe(42);
    await expect(withSpan("s", {}, async () => "done")).resolves.toBe("done");
    expect(() =>
      withSpan("s", {}, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    await expect(
      withSpan("s", {}, async () => {
        throw new Error("later");
      }),
    ).rejects.toThrow("later");
    withSpan("s", {}, (span) => {
      expect(span.isRecording()).toBe(false);
      expect(traceParentOf(span)).toBeNull();
      expect(trace.getActiveSpan()).toBeUndefined(); // no context was entered
      setSpanAttributes({ x: 1 }); // nothing to set, nothing thrown
    });
  });

  it("computes no links while off", () => {
    let asked = false;
    withSpan("s", {}, () => undefined, { links: () => ((asked = true), []) });
    expect(asked).toBe(false);
  });

  it("starts nothing without an OTLP endpoint", async () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" })).toBe(false);
    expect(await startTracing("relay-test", { env: {} })).toBe(false);
    expect(tracingActive()).toBe(false);
  });
});

describe("traceparent", () => {
  it("parses version-00 traceparents and refuses anything else", () => {
    expect(spanContextOf("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).toEqual({
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      traceFlags: 1,
      isRemote: true,
    });
    for (const bad of [
      null,
      undefined,
      "",
      "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "00-00000000000000000000000000000000-b7ad6b7169203331-01",
      "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
    ]) {
      expect(spanContextOf(bad)).toBeNull();
    }
  });
});

describe("withSpan with a provider", () => {
  const exporter = new InMemorySpanExporter();
  afterEach(() => {
    setTracingActive(false);
    trace.disable();
    context.disable();
    propagation.disable();
    exporter.reset();
  });

  it("records the span, its attributes, its error, and gives a traceparent the worker can link to", async () => {
    new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
    setTracingActive(true);
    let parent = "";
    await withSpan("outer", { "relay.request_id": "r-12345678" }, async (span) => {
      parent = traceParentOf(span)!;
      setSpanAttributes({ "relay.events": 3 });
      await expect(
        withSpan("inner", {}, async () => {
          throw new TypeError("bad");
        }),
      ).rejects.toThrow("bad");
    });
    const [inner, outer] = exporter.getFinishedSpans();
    expect(outer!.name).toBe("outer");
    expect(outer!.attributes).toEqual({ "relay.request_id": "r-12345678", "relay.events": 3 });
    expect(inner!.parentSpanContext?.spanId).toBe(outer!.spanContext().spanId);
    expect(inner!.status).toEqual({ code: SpanStatusCode.ERROR, message: "bad" });
    expect(inner!.attributes["error.type"]).toBe("TypeError");
    expect(parent).toBe(`00-${outer!.spanContext().traceId}-${outer!.spanContext().spanId}-01`);
    expect(spanContextOf(parent)).toMatchObject({ traceId: outer!.spanContext().traceId, spanId: outer!.spanContext().spanId });
  });
});
