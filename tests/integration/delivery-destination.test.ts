import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { createDestinationProfile, drain, emulator, postAep, startTestEmulators, testWorker, type TestProfile } from "../support/delivery";

type Store = { stores: { eventCode: string; attendees: Record<string, string>[] }[] };

describe("delivery worker: AEP → RainFocus", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  const profile = (email: string, extra: Record<string, unknown> = {}, status = "realized") => ({
    identityMap: { email_lc_sha256: [{ id: "ab".repeat(32) }] },
    attributes: { email, firstName: { value: "Ann" }, lastName: "Lee", countryCode: "gb", ...extra },
    segmentMembership: { ups: { seg1: { status, lastQualificationTime: "2026-01-01T00:00:00Z" } } },
  });
  const attendees = async () => (await emulator<Store>(emu.rainfocusUrl, "GET", "attendees?event=demo2026")).stores.flatMap((s) => s.attendees);

  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createDestinationProfile();
  });
  beforeEach(async () => {
    await emulator(emu.rainfocusUrl, "POST", "reset", { seed: 7 });
    await db.delivery.updateMany({ where: { status: { in: ["QUEUED", "RETRYING", "DELIVERING"] } }, data: { status: "FAILED", lastError: "test cleanup" } });
  });
  afterAll(() => emu.close());

  it("upserts exported profiles as attendees in the RainFocus emulator", async () => {
    const r = await postAep(p.id, { profiles: [profile(" Ann@Example.com "), profile("bob@example.com", { firstName: { value: "Bob" } })] }, p.secret);
    expect(r.status).toBe(202);
    await drain(testWorker(emu), 100);
    const rows = await db.delivery.findMany({ where: { id: { in: r.body.deliveryIds } }, include: { attemptLog: true } });
    expect(rows.map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED"]);
    expect(rows.every((d) => d.attemptLog.length === 1 && d.attemptLog[0]!.responseStatus === 200)).toBe(true);
    const got = await attendees();
    expect(got).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: "ann@example.com", firstname: "Ann", lastname: "Lee", countryid: "GB" }),
        expect.objectContaining({ email: "bob@example.com", firstname: "Bob" }),
      ]),
    );
  });

  it("writes one attendee per call when the profile's write style is attendee-update", async () => {
    const q = await createDestinationProfile();
    await db.integrationProfile.update({ where: { id: q.id }, data: { rainfocusSettings: { writeStyle: "attendee-update" } } });
    const r = await postAep(q.id, { profiles: [profile("u1@example.com"), profile("u2@example.com"), profile("u3@example.com")] }, q.secret);
    await drain(testWorker(emu), 100);
    const rows = await db.delivery.findMany({ where: { id: { in: r.body.deliveryIds } }, include: { attemptLog: true } });
    expect(rows.map((d) => d.status)).toEqual(["DELIVERED", "DELIVERED", "DELIVERED"]);
    expect(rows.every((d) => /\/v2\/attendee\/update/.test(d.attemptLog[0]!.requestUrl))).toBe(true);
    expect(rows[0]!.attemptLog[0]!.requestBody).toMatchObject({ event: "demo2026", email: expect.stringMatching(/^u\d@example.com$/), countryId: "GB" });
    expect((await emulator<{ requests: unknown[] }>(emu.rainfocusUrl, "GET", "requests?route=rf.attendee.update")).requests).toHaveLength(3);
    expect((await attendees()).map((a) => a.email)).toEqual(expect.arrayContaining(["u1@example.com", "u2@example.com", "u3@example.com"]));
  });

  it("never upserts an exit-only profile", async () => {
    await postAep(p.id, { profiles: [profile("gone@example.com", {}, "exited")] }, p.secret);
    await drain(testWorker(emu), 100);
    expect((await attendees()).some((a) => a.email === "gone@example.com")).toBe(false);
  });

  it("pins an all-or-nothing refusal on the attendee that caused it", async () => {
    const r = await postAep(p.id, { profiles: [profile("ok@example.com"), profile("bad@example.com", { countryCode: "Narnia" })] }, p.secret);
    await drain(testWorker(emu), 100);
    const rows = await db.delivery.findMany({ where: { id: { in: r.body.deliveryIds } } });
    const byEmail = Object.fromEntries(rows.map((d) => [(d.sourcePayload as { attributes: { email: string } }).attributes.email, d]));
    expect(byEmail["ok@example.com"]!.status).toBe("DELIVERED");
    expect(byEmail["bad@example.com"]).toMatchObject({ status: "FAILED", lastStatusCode: 400 });
  });

  it("fails a profile without an email (nothing to match an attendee on)", async () => {
    const r = await postAep(
      p.id,
      { profiles: [{ identityMap: { email_lc_sha256: [{ id: "cd".repeat(32) }] }, attributes: { firstName: { value: "Nobody" } } }] },
      p.secret,
    );
    await drain(testWorker(emu), 100);
    const d = await db.delivery.findUniqueOrThrow({ where: { id: r.body.deliveryIds[0] } });
    expect(d).toMatchObject({ status: "FAILED" });
    expect(d.lastError).toMatch(/email/);
  });

  it("retries a RainFocus 503, refreshing an expired token on the way", async () => {
    await emulator(emu.rainfocusUrl, "POST", "faults", { route: "rf.attendee.store", status: 503, times: 1 });
    const r = await postAep(p.id, { profiles: [profile("retry@example.com")] }, p.secret);
    const w = testWorker(emu);
    await w.runOnce();
    await emulator(emu.rainfocusUrl, "POST", "tokens/expire");
    await drain(w, 150);
    const d = await db.delivery.findUniqueOrThrow({ where: { id: r.body.deliveryIds[0] }, include: { attemptLog: true } });
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 2 });
    expect((await attendees()).some((a) => a.email === "retry@example.com")).toBe(true);
  });
});
