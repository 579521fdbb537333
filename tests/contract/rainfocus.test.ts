import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RainfocusClient } from "@/lib/rainfocus";
import { DEMO_RAINFOCUS, type RunningEmulators } from "@/emulators/index";
import { addFault, allowLoopback, control, received, reset, rfCreds, startForTests, strictList } from "./helpers";

let emu: RunningEmulators;
let rf: RainfocusClient;
const EVENT = DEMO_RAINFOCUS.eventCode;
const tokenRequests = async () => (await control<{ tokenRequests: number }>(emu.rainfocusUrl, "GET", "stats")).tokenRequests;

beforeAll(async () => {
  emu = await startForTests();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await reset(emu.rainfocusUrl);
  rf = new RainfocusClient({ apiUrl: emu.rainfocusUrl, allowList: allowLoopback, timeoutMs: 2000 });
});

describe("RainFocus OAuth", () => {
  it("issues a token bound to org and environment, cached with one request in flight", async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => rf.oauth.getToken(rfCreds)));
    expect(all.every((t) => t.ok)).toBe(true);
    await rf.oauth.getToken(rfCreds);
    expect(await tokenRequests()).toBe(1);
    const [req] = await received(emu.rainfocusUrl, "rf.token");
    expect(Object.fromEntries(new URLSearchParams(req!.body))).toMatchObject({ grant_type: "client_credentials", orgid: "demo-org", environment: "dev" });
  });

  it("bad secret → bad_credentials (invalid_client), no secret in the result", async () => {
    const r = await rf.oauth.getToken({ ...rfCreds, clientSecret: "s3cr3t-wrong" });
    expect(r).toMatchObject({ ok: false, code: "bad_credentials", status: 401, responseCode: "invalid_client" });
    expect(JSON.stringify(r)).not.toContain("s3cr3t-wrong");
  });

  it("refuses a non-allow-listed API URL before any request", async () => {
    const strict = new RainfocusClient({ apiUrl: emu.rainfocusUrl, allowList: strictList });
    expect(await strict.upsertAttendees(rfCreds, EVENT, [{ email: "a@b.co" }])).toMatchObject({ ok: false, code: "not_allowed" });
    expect(await received(emu.rainfocusUrl)).toHaveLength(0);
  });
});

describe("Attendee Store", () => {
  it("an upsert is visible in a lookup; a second upsert updates", async () => {
    const first = await rf.upsertAttendees(rfCreds, EVENT, [{ email: "Ada@Example.com", firstname: "Ada", lastname: "Lovelace", countryid: "GB" }]);
    expect(first).toMatchObject({ ok: true, data: [{ email: "ada@example.com", created: true }] });
    const second = await rf.upsertAttendees(rfCreds, EVENT, [{ email: "ada@example.com", jobtitle: "Engineer", state: "06" }]);
    expect(second).toMatchObject({ ok: true, data: [{ created: false }] });
    const got = await rf.getAttendee(rfCreds, EVENT, "ada@example.com");
    expect(got).toMatchObject({ ok: true, data: { firstname: "Ada", lastname: "Lovelace", jobtitle: "Engineer", countryid: "GB", state: "06" } });
    if (first.ok && got.ok) expect(got.data.attendeeId).toBe(first.data[0]!.attendeeId);
    // dev and prod are separate stores.
    expect(await rf.getAttendee({ ...rfCreds, environment: "prod" }, EVENT, "ada@example.com")).toMatchObject({ ok: false, code: "not_found", status: 404 });
  });

  it("validates fields (all or nothing) and the event code", async () => {
    const bad = await rf.upsertAttendees(rfCreds, EVENT, [{ email: "ok@example.com" }, { email: "x@example.com", countryid: "France", shoe: "42" } as never]);
    expect(bad).toMatchObject({ ok: false, code: "invalid_request", status: 400, responseCode: "105", retryable: false });
    expect(await rf.getAttendee(rfCreds, EVENT, "ok@example.com")).toMatchObject({ ok: false, code: "not_found" });
    expect(await rf.upsertAttendees(rfCreds, "no-such-event", [{ email: "a@b.co" }])).toMatchObject({ ok: false, responseCode: "104" });
  });

  it("answers 400 responseCode 103 without apiProfile", async () => {
    const res = await fetch(`${emu.rainfocusUrl}/api/attendee/store?event=${EVENT}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ responseCode: "103", responseMessage: "Required parameter missing: apiProfile" });
  });

  it("an expired token is refreshed once", async () => {
    await rf.upsertAttendees(rfCreds, EVENT, [{ email: "a@example.com" }]);
    await control(emu.rainfocusUrl, "POST", "tokens/expire");
    const r = await rf.upsertAttendees(rfCreds, EVENT, [{ email: "b@example.com" }]);
    expect(r).toMatchObject({ ok: true, refreshed: true });
    expect(await tokenRequests()).toBe(2);
  });

  it("429, 5xx and timeouts are retryable; the exchange is redacted", async () => {
    await addFault(emu.rainfocusUrl, { route: "rf.attendee.store", status: 429, retryAfter: 4, times: 1 });
    const limited = await rf.upsertAttendees(rfCreds, EVENT, [{ email: "a@example.com" }]);
    expect(limited).toMatchObject({ ok: false, code: "rate_limited", retryable: true, retryAfterMs: 4000 });
    if (!limited.ok) expect(limited.exchange!.request.headers.Authorization).toBe("Bearer [REDACTED]");
    await addFault(emu.rainfocusUrl, { route: "rf.attendee.store", status: 502, times: 1 });
    expect(await rf.upsertAttendees(rfCreds, EVENT, [{ email: "a@example.com" }])).toMatchObject({ ok: false, code: "unavailable", retryable: true });
    await addFault(emu.rainfocusUrl, { route: "rf.attendee.store", latencyMs: 600, times: 1 });
    const quick = new RainfocusClient({ apiUrl: emu.rainfocusUrl, allowList: allowLoopback, timeoutMs: 200 });
    expect(await quick.upsertAttendees(rfCreds, EVENT, [{ email: "a@example.com" }])).toMatchObject({ ok: false, code: "timeout", retryable: true });
  });
});

describe("API-profile logs", () => {
  it("lists every call of the profile, newest first", async () => {
    await rf.upsertAttendees(rfCreds, EVENT, [{ email: "a@example.com" }]);
    await rf.upsertAttendees(rfCreds, "nope", [{ email: "a@example.com" }]);
    const r = await rf.listLogs(rfCreds);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual([
      "POST /api/attendee/store 400",
      "POST /api/attendee/store 200",
      "POST /oauth/token 200",
    ]);
    expect(r.data[0]).toMatchObject({ responseCode: "104", event: "nope" });
  });
});
