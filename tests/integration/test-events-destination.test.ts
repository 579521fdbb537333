import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { enqueueTestEvent, testEventTargets, testSample, waitForSettled } from "@/lib/test-events/test-events";
import { createActors } from "../support/actors";
import type { Actor, Role } from "@/lib/auth/roles";
import { createDestinationProfile, emulator, settleLeftovers, startTestEmulators, testWorker, type TestProfile } from "../support/delivery";

// QA test events for DESTINATION profiles: a synthetic AEP profile through the real worker to the
// RainFocus emulator, as for source profiles.
describe("destination test events", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  let actors: Record<Role, Actor>;
  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createDestinationProfile();
    actors = await createActors("dest-test");
    // Earlier files leave queued deliveries (e.g. 10,000 AEP profiles): the worker here must only see ours.
    await settleLeftovers();
  });
  afterAll(() => emu.close());

  it("offers the AEP formats as samples, with a synthetic email whose email_lc_sha256 matches", async () => {
    const target = (await testEventTargets()).find((t) => t.id === p.id)!;
    expect(target).toMatchObject({ direction: "DESTINATION", pushTypes: ["aep:http-api", "aep:sdk"] });
    const s = (await testSample(p.id, "aep:http-api", true)).payload as {
      personalEmail: { address: string };
      identityMap: { email_lc_sha256: { id: string }[] };
    };
    expect(s.personalEmail.address).toMatch(/^qa\.[0-9a-f]{8}@relay-test\.example\.com$/);
    const { createHash } = await import("node:crypto");
    expect(s.identityMap.email_lc_sha256[0]!.id).toBe(createHash("sha256").update(s.personalEmail.address).digest("hex"));
  });

  for (const format of ["aep:http-api", "aep:sdk"] as const) {
    it(`sends a synthetic ${format} profile through the worker to the RainFocus emulator`, async () => {
      const worker = testWorker(emu);
      const loop = (async () => {
        const end = Date.now() + 5000;
        while (Date.now() < end) {
          const r = await worker.runOnce();
          if (!r.claimed) await new Promise((x) => setTimeout(x, 20));
        }
      })();
      const { deliveryId } = await enqueueTestEvent({ profileId: p.id, pushType: format, syntheticAttendee: true }, { actor: actors.QA, ip: null });
      expect(await waitForSettled(deliveryId, 5000)).toBe(true);
      await loop;
      const d = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { attemptLog: true } });
      expect(d).toMatchObject({
        status: "DELIVERED",
        test: true,
        direction: "DESTINATION",
        inboundFormat: format === "aep:http-api" ? "http-api" : "sdk-single",
      });
      const email = (d.mappedPayload as { email: string }).email;
      expect(email).toMatch(/@relay-test\.example\.com$/);
      const stores = await emulator<{ stores: { attendees: { email: string }[] }[] }>(emu.rainfocusUrl, "GET", "attendees?event=demo2026");
      expect(stores.stores.flatMap((s) => s.attendees).some((a) => a.email === email)).toBe(true);
    });
  }

  it("refuses what is not one AEP profile, and a source push type", async () => {
    const qa = { actor: actors.QA, ip: null };
    await expect(enqueueTestEvent({ profileId: p.id, pushType: "SessionScheduled" }, qa)).rejects.toMatchObject({ code: "invalid" });
    await expect(
      enqueueTestEvent({ profileId: p.id, pushType: "aep:sdk", payload: { profiles: [{ attributes: {} }, { attributes: {} }] } }, qa),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(enqueueTestEvent({ profileId: p.id, pushType: "aep:sdk", payload: { attributes: [] } }, qa)).rejects.toMatchObject({ code: "invalid" });
  });
});
