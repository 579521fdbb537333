import { describe, expect, it } from "vitest";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { redactingExporter } from "./sdk";

describe("the exporter's redaction of inbound capabilities", () => {
  it("exports Next.js request spans without the whole inlet id or the AEP URL key", async () => {
    const memory = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(redactingExporter(memory))] });
    const tracer = provider.getTracer("test");
    const inlet = "ab12cd34".padEnd(64, "f");
    const key = "0123456789abcdef0123456789abcdef";
    tracer
      .startSpan(`POST /api/v1/inbound/collection/${inlet}`, {
        attributes: { "http.target": `/api/v1/inbound/collection/${inlet}?x-adobe-flow-id=f`, "next.route": "/api/v1/inbound/collection/[inletId]" },
      })
      .end();
    tracer.startSpan("POST /api/v1/inbound/aep/[profileId]/[key]", { attributes: { "http.target": `/api/v1/inbound/aep/p1/${key}` } }).end();
    await provider.forceFlush();
    const spans = memory.getFinishedSpans();
    expect(spans).toHaveLength(2);
    const text = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes })));
    expect(text).not.toContain(inlet);
    expect(text).not.toContain(key);
    expect(spans[0]!.attributes["http.target"]).toBe("/api/v1/inbound/collection/ab12cd34…?x-adobe-flow-id=f");
    expect(spans[0]!.attributes["next.route"]).toBe("/api/v1/inbound/collection/[inletId]");
    expect(spans[1]!.name).toBe("POST /api/v1/inbound/aep/[profileId]/[key]");
    await provider.shutdown();
  });
});
