import { afterEach, describe, expect, it, vi } from "vitest";
import { inboundRoute, resetInboundLimiter } from "@/lib/inbound/route";

// A capability in the URL (the inlet id, the AEP "None" URL key) must not reach the logs whole.
describe("inboundRoute's failure log", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetInboundLimiter();
  });

  const logged = async (path: string): Promise<string> => {
    resetInboundLimiter({ profileRatePerSec: 1000, profileBurst: 1000, authFailuresPerMinute: 1000 });
    const lines: string[] = [];
    for (const s of [process.stdout, process.stderr]) {
      vi.spyOn(s, "write").mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    }
    const route = inboundRoute(async () => {
      throw new Error("database down");
    });
    const res = await route(new Request(`http://relay.test${path}`, { method: "POST", body: "{}" }), { params: Promise.resolve({ profileId: "p1" }) });
    expect(res.status).toBe(503);
    return lines.join("");
  };

  it("names the inlet by its first 8 characters and hides the URL key", async () => {
    const inlet = "ab12cd34".padEnd(64, "f");
    const key = "0123456789abcdef0123456789abcdef";
    const a = await logged(`/api/v1/inbound/collection/${inlet}`);
    expect(a).toContain("inbound failed");
    expect(a).not.toContain(inlet);
    expect(a).toContain("/inbound/collection/ab12cd34");
    const b = await logged(`/api/v1/inbound/aep/p1/${key}`);
    expect(b).toContain("inbound failed");
    expect(b).not.toContain(key);
    expect(await logged("/api/v1/inbound/aep/p1/token")).toContain("/inbound/aep/p1/token");
  });
});
