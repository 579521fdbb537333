import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runExport } from "@/emulators/adobe/destination-simulator";
import { BEST_EFFORT_RETRIED_STATUSES, BEST_EFFORT_RETRY_DELAYS_S, configurableRetried } from "./fixtures/aep-destination-docs";

// The AEP destination simulator holds to the documents: what it sends, how it aggregates, and
// which answers it retries (fixtures transcribed from the pages they cite).
let server: Server;
let url: string;
let answers: number[] = [];
const got: { auth?: string; body: unknown; at: number }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (req.url === "/token") {
        res
          .writeHead(200, { "Content-Type": "application/json" })
          .end(JSON.stringify({ access_token: `tok-${raw.includes("client_id") ? "form" : "basic"}`, token_type: "bearer", expires_in: 3600 }));
        return;
      }
      got.push({ auth: req.headers.authorization, body: JSON.parse(raw), at: Date.now() });
      res.writeHead(answers.shift() ?? 202).end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  answers = [];
  got.length = 0;
});

describe("AEP destination simulator", () => {
  it("HTTP API destination: one root XDM profile per request, bearer token, retried twice then dropped", async () => {
    answers = [500, 500, 500];
    const r = await runExport({ targetUrl: `${url}/in`, format: "http-api", auth: { type: "bearer", token: "s3cret" }, count: 1, delayScale: 0.001 });
    expect(r).toMatchObject({ requests: 1, delivered: 0, dropped: 1 });
    expect(r.calls[0]!.attempts.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(got[0]!.auth).toBe("Bearer s3cret");
    expect(Object.keys(got[0]!.body as object).sort()).toEqual(["homeAddress", "identityMap", "mobilePhone", "person", "personalEmail", "segmentMembership"]);
  });

  it("best effort: at most maxUsersPerRequest per call; retries only the documented statuses", async () => {
    expect(BEST_EFFORT_RETRY_DELAYS_S).toEqual([15, 30]);
    answers = [400];
    const r = await runExport({
      targetUrl: url,
      format: "sdk-aggregated",
      auth: { type: "none" },
      count: 25,
      aggregation: { type: "BEST_EFFORT", maxUsersPerRequest: 10 },
      concurrency: 1,
      delayScale: 0.001,
    });
    expect(r.calls.map((c) => c.profiles)).toEqual([10, 10, 5]);
    expect(r).toMatchObject({ delivered: 15, dropped: 10 }); // 400 is never retried
    for (const status of BEST_EFFORT_RETRIED_STATUSES) {
      answers = [status];
      const again = await runExport({ targetUrl: url, format: "sdk-single", auth: { type: "none" }, count: 1, delayScale: 0.001 });
      expect(
        again.calls[0]!.attempts.map((a) => a.status),
        String(status),
      ).toEqual([status, 202]);
    }
    expect((got.at(-1)!.body as { profile: { attributes: { email: { value: string } } } }).profile.attributes.email.value).toMatch(/@example\.com$/);
  });

  it("configurable aggregation: maxNumEventsInBatch per call, 420/429/>500 retried once, nothing else", async () => {
    const r = await runExport({
      targetUrl: url,
      format: "sdk-aggregated",
      auth: { type: "oauth2", tokenUrl: `${url}/token`, clientId: "c", clientSecret: "s", clientType: "basic" },
      count: 2500,
      aggregation: { type: "CONFIGURABLE", maxNumEventsInBatch: 1000 },
      concurrency: 1,
    });
    expect(r.calls.map((c) => c.profiles)).toEqual([1000, 1000, 500]);
    expect(got.every((g) => g.auth === "Bearer tok-basic")).toBe(true);
    for (const status of [420, 429, 500, 501, 503, 400, 404]) {
      answers = [status, status];
      const once = await runExport({
        targetUrl: url,
        format: "sdk-aggregated",
        auth: { type: "none" },
        count: 1,
        aggregation: { type: "CONFIGURABLE", maxNumEventsInBatch: 1000 },
        delayScale: 0.00001,
      });
      expect(once.calls[0]!.attempts.length, String(status)).toBe(configurableRetried(status) ? 2 : 1);
    }
  });
});
