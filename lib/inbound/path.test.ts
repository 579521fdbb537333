import { describe, expect, it } from "vitest";
import { redactInboundPath } from "./path";

describe("redactInboundPath", () => {
  const inlet = "ab12cd34".padEnd(64, "f");
  const key = "0123456789abcdef0123456789abcdef";
  it("cuts the inlet id and hides the AEP URL key, in paths and URLs with a query", () => {
    expect(redactInboundPath(`/api/v1/inbound/collection/${inlet}`)).toBe("/api/v1/inbound/collection/ab12cd34…");
    expect(redactInboundPath(`/api/v1/inbound/collection/${inlet}?x-adobe-flow-id=f`)).toBe("/api/v1/inbound/collection/ab12cd34…?x-adobe-flow-id=f");
    expect(redactInboundPath(`https://relay.test/api/v1/inbound/aep/p1/${key}`)).toBe("https://relay.test/api/v1/inbound/aep/p1/[redacted]");
  });
  it("leaves the token URL, route patterns and other paths alone", () => {
    for (const p of [
      "/api/v1/inbound/aep/p1/token",
      "/api/v1/inbound/aep/p1",
      "/api/v1/inbound/aep/[profileId]/[key]",
      "POST /api/v1/inbound/collection/[inletId]",
      "/api/v1/profiles/p1",
    ]) {
      expect(redactInboundPath(p)).toBe(p);
    }
  });
});
