import { describe, expect, it } from "vitest";
import { singleOutcome } from "./send-source-outcomes";
import type { Exchange } from "../../http/types";

describe("the error a rejected XDM event leaves in the log", () => {
  it("names each field as the editor does, with AEP's message, and no JSON pointer", () => {
    const exchange = { request: { method: "POST", url: "https://dcs.adobedc.net/collection/x", headers: {} }, durationMs: 5 } as unknown as Exchange;
    const outcome = singleOutcome(
      {
        ok: true,
        refreshed: false,
        result: {
          status: "permanent",
          reason: "xdm_invalid",
          message: "AEP refused the event (400)",
          httpStatus: 400,
          exchange,
          violations: [
            { pointerToViolation: "#/_acme/session/title", keyword: "type", message: "expected type: String, found: JSONObject" },
            { pointerToViolation: "#", keyword: "required", message: "required key [timestamp] not found" },
          ],
        },
      } as never,
      {},
    );
    expect(outcome.kind).toBe("failure");
    if (outcome.kind === "failure") {
      expect(outcome.error).toBe("AEP refused the event (400): _acme.session.title: expected type: String, found: JSONObject; the event: required key [timestamp] not found");
      expect(outcome.error).not.toContain("#/");
    }
  });
});
