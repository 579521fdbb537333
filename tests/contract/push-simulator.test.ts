import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ADOBE, demoRawStreamingEndpoint, type RunningEmulators } from "@/emulators/index";
import { received, reset, startForTests } from "./helpers";

// The RainFocus push simulator pushes as RainFocus's AEP source does (seed 000, S31): to the
// integration profile's "Streaming endpoint URL" with its "Dataflow ID". Checked against the Adobe
// emulator's raw inlet, which holds it to help/sources/tutorials/api/create/streaming/http.md.

let emu: RunningEmulators;
beforeAll(async () => (emu = await startForTests()));
afterAll(() => emu.close());
beforeEach(() => reset(emu.adobeUrl));

async function push(body: Record<string, unknown>) {
  const res = await fetch(`${emu.rainfocusUrl}/_emulator/push`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe("push simulator, AEP style", () => {
  it("posts raw JSON with x-adobe-flow-id to a raw AEP inlet, which accepts every event", async () => {
    const r = await push({ targetUrl: demoRawStreamingEndpoint(emu.adobeUrl), flowId: DEMO_ADOBE.rawFlowId, count: 3, startIndex: 40 });
    expect(r.body).toMatchObject({ sent: 3, delivered: 3, failed: 0 });
    const reqs = await received(emu.adobeUrl, "dcs.single");
    expect(reqs).toHaveLength(3);
    for (const q of reqs) {
      expect(q.headers["x-adobe-flow-id"]).toBe(DEMO_ADOBE.rawFlowId);
      expect(q.headers["x-rf-signature"]).toBeUndefined();
      expect(JSON.parse(q.body)).toMatchObject({ transmissionId: expect.any(String), eventType: "SessionScheduled", attendee: { email: expect.any(String) } });
    }
  });

  it("can put the flow id in the query and send a bearer token", async () => {
    const r = await push({ targetUrl: demoRawStreamingEndpoint(emu.adobeUrl), flowId: DEMO_ADOBE.rawFlowId, flowIdIn: "query", bearer: "ims-token", count: 1 });
    expect(r.body).toMatchObject({ delivered: 1 });
    const [q] = await received(emu.adobeUrl, "dcs.single");
    expect(q!.query).toMatchObject({ "x-adobe-flow-id": DEMO_ADOBE.rawFlowId });
    expect(q!.headers.authorization).toBe("Bearer ims-token");
  });

  it("needs a flow id or a secret", async () => {
    expect((await push({ targetUrl: demoRawStreamingEndpoint(emu.adobeUrl) })).status).toBe(400);
  });
});
