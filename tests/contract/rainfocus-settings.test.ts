import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RainfocusClient, type RainfocusSettings } from "@/lib/rainfocus";
import { testRainfocusConnection } from "@/lib/profiles/connection-test/probe";
import { DEMO_RAINFOCUS, type RunningEmulators } from "@/emulators/index";
import { allowLoopback, control, received, reset, rfCreds, startForTests } from "./helpers";

// Every unconfirmed part of the RainFocus API is a setting (lib/rainfocus/settings.ts); each
// choice is exercised against the emulator, which accepts each placement Relay can send.
let emu: RunningEmulators;
const EVENT = DEMO_RAINFOCUS.eventCode;
const client = (settings: Partial<RainfocusSettings> = {}) =>
  new RainfocusClient({ apiUrl: emu.rainfocusUrl, allowList: allowLoopback, timeoutMs: 2000, settings });
const attendees = async () =>
  (await control<{ stores: { environment: string; attendees: Record<string, string>[] }[] }>(emu.rainfocusUrl, "GET", `attendees?event=${EVENT}`)).stores;

beforeAll(async () => {
  emu = await startForTests();
});
afterAll(() => emu.close());
beforeEach(() => reset(emu.rainfocusUrl));

describe("RainFocus write styles", () => {
  it("attendee-update: one flat attendee per call to /api/{org}/v2/attendee/update, answering {attendeeId}", async () => {
    const rf = client({ writeStyle: "attendee-update" });
    const r = await rf.upsertAttendees(rfCreds, EVENT, [
      { email: "Ann@Example.com", firstname: "Ann", countryid: "GB", state: "06" },
      { email: "bob@example.com" },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toEqual([
      { attendeeId: expect.any(String), email: "Ann@Example.com" },
      { attendeeId: expect.any(String), email: "bob@example.com" },
    ]);
    const calls = await received(emu.rainfocusUrl, "rf.attendee.update");
    expect(calls).toHaveLength(2);
    expect(JSON.parse(calls[0]!.body)).toEqual({ event: EVENT, email: "Ann@Example.com", firstname: "Ann", countryId: "GB", stateId: "06" });
    expect(calls[0]!.query).toMatchObject({ apiProfile: DEMO_RAINFOCUS.clientId });
    const [store] = await attendees();
    expect(store!.environment).toBe("dev");
    expect(store!.attendees.map((a) => a.email).sort()).toEqual(["ann@example.com", "bob@example.com"]);
    expect(store!.attendees.find((a) => a.email === "ann@example.com")).toMatchObject({ countryid: "GB", state: "06", firstname: "Ann" });
  });

  it("batch-store (the default): {attendees:[…]} to /api/attendee/store?event=", async () => {
    const r = await client().upsertAttendees(rfCreds, EVENT, [{ email: "c@example.com" }, { email: "d@example.com" }]);
    expect(r).toMatchObject({
      ok: true,
      data: [
        { email: "c@example.com", created: true },
        { email: "d@example.com", created: true },
      ],
    });
    expect(await received(emu.rainfocusUrl, "rf.attendee.store")).toHaveLength(1);
  });
});

describe("RainFocus token, org and apiProfile placement", () => {
  it("grant none sends no token; apiProfile in a header", async () => {
    const rf = client({ writeStyle: "attendee-update", tokenGrant: "none", apiProfilePlacement: "header" });
    expect((await rf.upsertAttendees(rfCreds, EVENT, [{ email: "e@example.com" }])).ok).toBe(true);
    expect(await received(emu.rainfocusUrl, "rf.token")).toHaveLength(0);
    const [call] = await received(emu.rainfocusUrl, "rf.attendee.update");
    expect(call!.headers.authorization).toBeUndefined();
    expect(call!.headers.apiprofile).toBe(DEMO_RAINFOCUS.clientId);
    expect(call!.query.apiProfile).toBeUndefined();
  });

  it("Basic client authentication at a configured token URL; org id and environment on each call instead of the token form", async () => {
    const rf = client({ tokenGrant: "client_credentials_basic", orgPlacement: "query", tokenUrl: `${emu.rainfocusUrl}/oauth/token` });
    expect((await rf.upsertAttendees({ ...rfCreds, environment: "prod" }, EVENT, [{ email: "f@example.com" }])).ok).toBe(true);
    const [tok] = await received(emu.rainfocusUrl, "rf.token");
    expect(tok!.headers.authorization).toMatch(/^Basic /);
    expect(Object.fromEntries(new URLSearchParams(tok!.body))).toEqual({ grant_type: "client_credentials" });
    const [call] = await received(emu.rainfocusUrl, "rf.attendee.store");
    expect(call!.query).toMatchObject({ orgid: DEMO_RAINFOCUS.orgId, environment: "prod" });
    expect((await attendees())[0]!.environment).toBe("prod");
  });

  it("a profile's override wins over the deployment's setting", async () => {
    const rf = client({ writeStyle: "batch-store" });
    expect(
      (
        await rf.upsertAttendees({ ...rfCreds, settings: { writeStyle: "attendee-update", apiProfile: DEMO_RAINFOCUS.clientId } }, EVENT, [
          { email: "g@example.com" },
        ])
      ).ok,
    ).toBe(true);
    expect(await received(emu.rainfocusUrl, "rf.attendee.update")).toHaveLength(1);
    expect(await received(emu.rainfocusUrl, "rf.attendee.store")).toHaveLength(0);
  });
});

describe("Test connection exercises the chosen write style without writing", () => {
  const cfg = (settings: Partial<RainfocusSettings>) => ({ apiUrl: emu.rainfocusUrl, allowList: allowLoopback, timeoutMs: 2000, settings });
  for (const writeStyle of ["batch-store", "attendee-update"] as const) {
    it(writeStyle, async () => {
      const ok = await testRainfocusConnection(rfCreds, cfg({ writeStyle }), EVENT);
      expect(ok).toMatchObject({ ok: true });
      expect(await received(emu.rainfocusUrl, writeStyle === "batch-store" ? "rf.attendee.store" : "rf.attendee.update")).toHaveLength(1);
      expect(await attendees()).toEqual([]);
      expect(await testRainfocusConnection(rfCreds, cfg({ writeStyle }), "no-such-event")).toMatchObject({ ok: false, code: "bad_credentials" });
      expect(await testRainfocusConnection(rfCreds, cfg({ writeStyle, apiProfile: "someone-else" }), EVENT)).toMatchObject({ ok: false });
    });
  }
});
