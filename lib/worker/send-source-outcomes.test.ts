import { describe, expect, it } from "vitest";
import { batchOutcomes, singleOutcome } from "./send-source-outcomes";
import type { Exchange } from "../http/types";

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
      expect(outcome.error).toBe(
        "AEP refused the event (400): _acme.session.title: expected type: String, found: JSONObject; the event: required key [timestamp] not found",
      );
      expect(outcome.error).not.toContain("#/");
    }
  });
});

describe("what a batch leaves on each delivery's attempt", () => {
  const exchange = {
    request: { method: "POST", url: "https://dcs.adobedc.net/collection/batch/x", headers: {}, body: '{"messages":"(2 messages)"}' },
    durationMs: 5,
  } as unknown as Exchange;
  const d = (id: string) => ({ id, attempts: 1 }) as never;
  const batch = [
    { d: d("a"), output: { a: 1 }, message: { body: { xdmEntity: { _acme: { password: "hunter2", n: 1 } } } }, json: "" },
    { d: d("b"), output: { b: 2 }, message: { body: { xdmEntity: { _acme: { n: 2 } } } }, json: "" },
  ];
  const bodies = (r: ReturnType<typeof batchOutcomes>) => r.map(([, o]) => o.exchanges.at(-1)!.requestBody);

  it("its own message, secrets redacted, when AEP answered per message", () => {
    const r = batchOutcomes(
      { ok: true, refreshed: false, result: { status: "completed", httpStatus: 207, messages: [{ ok: true }, { ok: true }], exchange } } as never,
      batch,
    );
    expect(bodies(r)).toEqual([
      { batch: { size: 2, index: 0 }, message: { body: { xdmEntity: { _acme: { password: "[REDACTED]", n: 1 } } } } },
      { batch: { size: 2, index: 1 }, message: batch[1]!.message },
    ]);
    expect(batch[0]!.message.body.xdmEntity._acme.password).toBe("hunter2");
  });

  it("its own message too when the whole request failed", () => {
    const r = batchOutcomes(
      { ok: true, refreshed: false, result: { status: "retryable", reason: "http_503", message: "AEP answered HTTP 503", httpStatus: 503, exchange } } as never,
      batch,
    );
    expect(r.map(([, o]) => o.kind)).toEqual(["failure", "failure"]);
    expect(bodies(r)).toEqual([
      { batch: { size: 2, index: 0 }, message: { body: { xdmEntity: { _acme: { password: "[REDACTED]", n: 1 } } } } },
      { batch: { size: 2, index: 1 }, message: batch[1]!.message },
    ]);
  });
});
