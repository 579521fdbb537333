import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulators, type RunningEmulators } from "@/emulators/index";
import { addFault, control, reset, startForTests } from "./helpers";

let emu: RunningEmulators;

beforeAll(async () => {
  emu = await startForTests();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await reset(emu.adobeUrl);
  await reset(emu.rainfocusUrl);
});

describe("startup", () => {
  it("starts both emulators on free ports in well under a second", async () => {
    const t0 = performance.now();
    const e = await startEmulators({ adobePort: 0, rainfocusPort: 0 });
    const ms = performance.now() - t0;
    try {
      expect(ms).toBeLessThan(500);
      expect(e.adobeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(e.adobeUrl).not.toMatch(/:0$/);
      expect(e.rainfocusUrl).not.toBe(e.adobeUrl);
    } finally {
      await e.close();
    }
  });
});

describe("faults", () => {
  async function outcomes(seed: number): Promise<number[]> {
    await reset(emu.adobeUrl, seed);
    await addFault(emu.adobeUrl, { route: "dcs", status: 503, probability: 0.5 });
    const out: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${emu.adobeUrl}/collection/x?x-adobe-flow-id=f`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      out.push(res.status);
    }
    return out;
  }

  it("are deterministic under a seed", async () => {
    const a = await outcomes(7);
    const b = await outcomes(7);
    const c = await outcomes(8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.filter((s) => s === 503).length).toBeGreaterThan(3);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(3);
  });

  it("can be listed and cleared, and the request log shows which fault fired", async () => {
    await addFault(emu.rainfocusUrl, { route: "rf.token", status: 500, times: 1 });
    expect((await control<{ faults: unknown[] }>(emu.rainfocusUrl, "GET", "faults")).faults).toHaveLength(1);
    await fetch(`${emu.rainfocusUrl}/oauth/token`, { method: "POST", body: "grant_type=client_credentials" });
    const { requests } = await control<{ requests: { fault?: string; status: number }[] }>(emu.rainfocusUrl, "GET", "requests");
    expect(requests[0]).toMatchObject({ fault: "f1", status: 500 });
    await control(emu.rainfocusUrl, "DELETE", "faults");
    expect((await control<{ faults: unknown[] }>(emu.rainfocusUrl, "GET", "faults")).faults).toHaveLength(0);
  });
});

describe("push simulator", () => {
  let inbound: Server;
  let inboundUrl: string;
  const got: { signature: string; body: string }[] = [];

  beforeAll(async () => {
    inbound = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        got.push({ signature: String(req.headers["x-rf-signature"]), body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => inbound.listen(0, "127.0.0.1", r));
    inboundUrl = `http://127.0.0.1:${(inbound.address() as AddressInfo).port}/api/v1/inbound/rainfocus/p1`;
  });
  afterAll(() => new Promise<void>((r) => inbound.close(() => r())));

  it("sends N varied events signed with HMAC-SHA256 of the raw body", async () => {
    got.length = 0;
    const r = await control<{ sent: number; delivered: number }>(emu.rainfocusUrl, "POST", "push", {
      targetUrl: inboundUrl,
      secret: "inbound-secret",
      pushType: "SessionScheduled",
      count: 5,
    });
    expect(r).toMatchObject({ sent: 5, delivered: 5 });
    expect(got).toHaveLength(5);
    for (const g of got) {
      expect(g.signature).toBe(`sha256=${createHmac("sha256", "inbound-secret").update(g.body).digest("hex")}`);
      const p = JSON.parse(g.body) as { eventType: string; transmissionId: string; attendee: { email: string } };
      expect(p.eventType).toBe("SessionScheduled");
    }
    const ids = new Set(got.map((g) => (JSON.parse(g.body) as { transmissionId: string }).transmissionId));
    expect(ids.size).toBe(5);
  });

  it("reports failures of the target", async () => {
    const r = await control<{ delivered: number; failed: number; results: { error?: string }[] }>(emu.rainfocusUrl, "POST", "push", {
      targetUrl: "http://127.0.0.1:1/nothing",
      secret: "s",
      count: 2,
    });
    expect(r).toMatchObject({ delivered: 0, failed: 2 });
    expect(r.results[0]!.error).toBeTruthy();
  });
});
