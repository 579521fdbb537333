import { afterAll, describe, expect, it } from "vitest";
import { resetInboundLimiter } from "@/lib/inbound/route";
import { POST as collection } from "@/app/api/v1/inbound/collection/[inletId]/route";
import { POST as aepKey } from "@/app/api/v1/inbound/aep/[profileId]/[key]/route";
import { POST as aepToken } from "@/app/api/v1/inbound/aep/[profileId]/token/route";

// The per-address limit on refused authentications also guards the new capability endpoints:
// guessing inlet ids, AEP "None" URL keys or client secrets is cut off after the allowed failures.
describe("refused-authentication limit on the capability endpoints", () => {
  afterAll(() => resetInboundLimiter());
  const post = (path: string, ip: string, body: string, headers: Record<string, string> = {}) =>
    new Request(`http://relay.test${path}`, { method: "POST", body, headers: { "X-Forwarded-For": ip, ...headers } });
  const inlet = (i: number) => i.toString(16).padStart(64, "0");

  it("cuts off an address after the allowed failures on the inlet, the URL key and the token URL", async () => {
    resetInboundLimiter({ profileRatePerSec: 1000, profileBurst: 1000, authFailuresPerMinute: 3 });
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    const tries: [string, (i: number) => Promise<Response>][] = [
      [
        "203.0.113.81",
        (i) =>
          collection(post(`/api/v1/inbound/collection/${inlet(i)}?x-adobe-flow-id=f`, "203.0.113.81", "{}"), {
            params: Promise.resolve({ inletId: inlet(i) }),
          }),
      ],
      [
        "203.0.113.82",
        (i) =>
          aepKey(post(`/api/v1/inbound/aep/missing/${i}`, "203.0.113.82", "{}"), {
            params: Promise.resolve({ profileId: "missing", key: String(i).padStart(32, "0") }),
          }),
      ],
      [
        "203.0.113.83",
        (i) =>
          aepToken(post("/api/v1/inbound/aep/missing/token", "203.0.113.83", `grant_type=client_credentials&client_id=missing&client_secret=guess${i}`, form), {
            params: Promise.resolve({ profileId: "missing" }),
          }),
      ],
    ];
    for (const [ip, attempt] of tries) {
      for (let i = 0; i < 3; i++) expect([401, 404], ip).toContain((await attempt(i)).status);
      const cut = await attempt(99);
      expect(cut.status, ip).toBe(429);
      expect(Number(cut.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });
});
