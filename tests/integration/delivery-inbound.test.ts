import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunningEmulators } from "@/emulators/index";
import { EXITED_ONLY_NOTE } from "@/lib/inbound/aep";
import { aepUrlKey } from "@/lib/inbound/aep-auth";
import { aepTransmissionId } from "@/lib/inbound/aep-profile";
import { POST as aepPOST } from "@/app/api/v1/inbound/aep/[profileId]/route";
import { POST as keyPOST } from "@/app/api/v1/inbound/aep/[profileId]/[key]/route";
import { POST as tokenPOST } from "@/app/api/v1/inbound/aep/[profileId]/token/route";
import { HTTP_API_EXPORTED_DATA } from "../contract/fixtures/aep-destination-docs";
import { createDestinationProfile, createSourceProfile, postAep, postPush, pushEvents, startTestEmulators, type TestProfile } from "../support/delivery";

describe("inbound: RainFocus push", () => {
  let emu: RunningEmulators;
  let p: TestProfile;
  beforeAll(async () => {
    emu = await startTestEmulators();
    p = await createSourceProfile(emu);
  });
  afterAll(() => emu.close());
  const count = () => db.delivery.count({ where: { profileId: p.id } });

  it("stores a signed event as QUEUED before answering 202", async () => {
    const [e] = pushEvents("SessionScheduled", 100, 1);
    const r = await postPush(p.id, e, p.secret);
    expect(r).toMatchObject({ status: 202, body: { accepted: 1, duplicates: 0 } });
    const row = await db.delivery.findUniqueOrThrow({ where: { id: r.body.deliveryIds[0] } });
    expect(row).toMatchObject({ status: "QUEUED", direction: "SOURCE", pushType: "SessionScheduled", transmissionId: e!.transmissionId, attempts: 0 });
    expect(row.sourcePayload).toEqual(e);
  });

  it("accepts an array and stores it whole", async () => {
    const events = pushEvents("AttendeeRegistered", 200, 5);
    const r = await postPush(p.id, events, p.secret);
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ accepted: 5, duplicates: 0 });
    expect(r.body.deliveryIds).toHaveLength(5);
  });

  it("accepts a duplicate transmissionId once and says so", async () => {
    const [e] = pushEvents("SessionScheduled", 300, 1);
    const first = await postPush(p.id, e, p.secret);
    const again = await postPush(p.id, e, p.secret);
    expect(again).toMatchObject({ status: 202, body: { accepted: 0, duplicates: 1, duplicateTransmissionIds: [e!.transmissionId] } });
    expect(again.body.deliveryIds).toEqual(first.body.deliveryIds);
    const inOne = await postPush(p.id, [...pushEvents("SessionScheduled", 301, 1), ...pushEvents("SessionScheduled", 301, 1)], p.secret);
    expect(inOne.body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await db.delivery.count({ where: { profileId: p.id, transmissionId: e!.transmissionId as string } })).toBe(1);
  });

  it("refuses a missing or wrong signature with 401 and stores nothing", async () => {
    const before = await count();
    const events = pushEvents("SessionScheduled", 400, 1);
    expect((await postPush(p.id, events, null)).status).toBe(401);
    expect((await postPush(p.id, events, "rfin_not-the-secret")).status).toBe(401);
    const signedOther = await postPush(p.id, null, p.secret, JSON.stringify(events).replace("Summit", "Summat"));
    expect(signedOther.status).toBe(202); // signed over exactly what was sent: fine
    expect(await count()).toBe(before + 1);
  });

  it("records refused requests, counted per minute and sender, without their bodies", async () => {
    const { flushRefusals } = await import("@/lib/inbound-refusals/record");
    await flushRefusals();
    const tally = async () => {
      const rows = await db.inboundRefusal.groupBy({
        by: ["profileId", "code", "status"],
        where: { profileId: { in: [p.id, "no-such-profile"] } },
        _sum: { count: true },
        _count: true,
      });
      return Object.fromEntries(rows.map((r) => [`${r.profileId === p.id ? "p" : r.profileId} ${r.code} ${r.status}`, r._sum.count!]));
    };
    const before = await tally();
    const events = pushEvents("SessionScheduled", 450, 1);
    for (let i = 0; i < 3; i++) await postPush(p.id, events, "rfin_not-the-secret");
    await postPush(p.id, [{ ...events[0], transmissionId: "refused-451", eventType: "NoSuchThing" }], p.secret);
    await postPush("no-such-profile", events, p.secret);
    await flushRefusals();
    const after = await tally();
    const added = Object.fromEntries(
      Object.entries(after)
        .map(([k, n]) => [k, n - (before[k] ?? 0)])
        .filter(([, n]) => n),
    );
    expect(added).toEqual({ "p bad_signature 401": 3, "p unknown_push_type 422": 1, "no-such-profile not_found 404": 1 });
    const rows = await db.inboundRefusal.findMany({ where: { profileId: { in: [p.id, "no-such-profile"] } } });
    // Nothing of the request but our answer, the address and the request id.
    expect(JSON.stringify(rows)).not.toContain(events[0]!.transmissionId);
  });

  it("refuses unknown and disabled push types by name, storing none of the batch", async () => {
    const before = await count();
    const unknown = { ...pushEvents("SessionScheduled", 500, 1)[0], eventType: "NoSuchThing" };
    const r1 = await postPush(p.id, [...pushEvents("SessionScheduled", 501, 2), unknown], p.secret);
    expect(r1).toMatchObject({ status: 422, body: { error: { code: "unknown_push_type", pushTypes: ["NoSuchThing"] } } });
    expect(r1.body.error.message).toContain("NoSuchThing");
    const r2 = await postPush(p.id, pushEvents("LeadCaptured", 502, 1), p.secret);
    expect(r2).toMatchObject({ status: 422, body: { error: { code: "push_type_disabled" } } });
    expect(r2.body.error.message).toContain("LeadCaptured");
    expect(await count()).toBe(before);
  });

  it("answers bad JSON, bad events, empty and oversized bodies with clear 4xx", async () => {
    const before = await count();
    expect((await postPush(p.id, null, p.secret, "{not json")).body.error.code).toBe("invalid_json");
    expect((await postPush(p.id, [], p.secret)).status).toBe(400);
    expect((await postPush(p.id, [{ eventType: "SessionScheduled" }], p.secret)).body.error.message).toMatch(/transmissionId.*event 0/);
    expect((await postPush(p.id, "text", p.secret)).status).toBe(400);
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ transmissionId: `t${i}`, eventType: "SessionScheduled" }));
    expect((await postPush(p.id, tooMany, p.secret)).status).toBe(413);
    const huge = { transmissionId: "big", eventType: "SessionScheduled", pad: "x".repeat(1024 * 1024) };
    expect((await postPush(p.id, huge, p.secret)).status).toBe(413);
    expect(await count()).toBe(before);
  });

  it("refuses inactive, deleted and wrong-direction profiles, and unknown ids", async () => {
    const draft = await createSourceProfile(emu, { status: "DRAFT" });
    const ready = await createSourceProfile(emu, { status: "READY" });
    const deleted = await createSourceProfile(emu);
    await db.integrationProfile.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const dest = await createDestinationProfile();
    const events = pushEvents("SessionScheduled", 600, 1);
    expect(await postPush(draft.id, events, draft.secret)).toMatchObject({ status: 409, body: { error: { code: "profile_inactive" } } });
    expect((await postPush(ready.id, events, ready.secret)).body.error.message).toMatch(/READY, not active/);
    expect(await postPush(deleted.id, events, deleted.secret)).toMatchObject({ status: 403, body: { error: { code: "profile_deleted" } } });
    expect(await postPush(dest.id, events, dest.secret)).toMatchObject({ status: 409, body: { error: { code: "wrong_direction" } } });
    expect((await postPush("nope", events, "x")).status).toBe(404);
    // Status is disclosed only to a caller who proved the secret.
    expect((await postPush(draft.id, events, "wrong")).status).toBe(401);
  });

  it("queues for a paused profile and says so", async () => {
    const paused = await createSourceProfile(emu, { status: "PAUSED" });
    const r = await postPush(paused.id, pushEvents("SessionScheduled", 700, 2), paused.secret);
    expect(r).toMatchObject({ status: 202, body: { accepted: 2 } });
    expect(r.body.notes.join(" ")).toMatch(/paused/);
  });
});

describe("inbound: AEP destination", () => {
  let p: TestProfile;
  beforeAll(async () => {
    p = await createDestinationProfile();
  });
  const profile = (email: string, status = "realized") => ({
    identityMap: { email_lc_sha256: [{ id: "0".repeat(64) }] },
    attributes: { email, firstName: { value: "Ann" } },
    segmentMembership: { ups: { seg1: { status, lastQualificationTime: "2026-01-01T00:00:00Z" } } },
  });

  it("stores each profile as a delivery and derives an idempotent transmission id", async () => {
    const body = { profiles: [profile("ann@example.com"), profile("bob@example.com")] };
    const r = await postAep(p.id, body, p.secret);
    expect(r).toMatchObject({ status: 202, body: { accepted: 2, duplicates: 0, recordedOnly: 0 } });
    const again = await postAep(p.id, body, p.secret);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(again.body.deliveryIds).toEqual(r.body.deliveryIds);
    const rows = await db.delivery.findMany({ where: { id: { in: r.body.deliveryIds } } });
    expect(rows.every((d) => d.status === "QUEUED" && d.direction === "DESTINATION" && d.transmissionId.startsWith("aep-"))).toBe(true);
  });

  it("records exit-only profiles as settled, not to be upserted", async () => {
    const r = await postAep(p.id, { profiles: [profile("carol@example.com", "exited")] }, p.secret);
    expect(r.body).toMatchObject({ accepted: 1, recordedOnly: 1 });
    const row = await db.delivery.findUniqueOrThrow({ where: { id: r.body.deliveryIds[0] } });
    expect(row).toMatchObject({ status: "DELIVERED", note: EXITED_ONLY_NOTE, attempts: 0 });
  });

  it("accepts the HTTP API destination's root XDM profile and records the format of each request", async () => {
    const root = JSON.parse(HTTP_API_EXPORTED_DATA);
    const r = await postAep(p.id, root, p.secret);
    expect(r).toMatchObject({ status: 202, body: { accepted: 1, format: "http-api" } });
    const row = await db.delivery.findUniqueOrThrow({ where: { id: r.body.deliveryIds[0] } });
    expect(row).toMatchObject({ inboundFormat: "http-api", status: "QUEUED", sourcePayload: root });
    const agg = await postAep(p.id, { profiles: [profile("dora@example.com")] }, p.secret);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: agg.body.deliveryIds[0] } })).inboundFormat).toBe("sdk-aggregated");
    const single = await postAep(p.id, { profile: profile("eve@example.com") }, p.secret);
    expect(single.body.format).toBe("sdk-single");
  });

  it("stores an aggregated request of 10,000 profiles (never 413 for what AEP sends), streamed", async () => {
    const profiles = Array.from({ length: 10_000 }, (_, i) => profile(`bulk${i}@example.com`));
    const text = JSON.stringify({ profiles });
    // Chunked, no Content-Length, as a proxy may forward it.
    const bytes = Buffer.from(text);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 65_536) c.enqueue(bytes.subarray(i, i + 65_536));
        c.close();
      },
    });
    const res = await aepPOST(
      new Request(`http://relay.test/api/v1/inbound/aep/${p.id}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${p.secret}` },
        body,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({ profileId: p.id }) },
    );
    const out = (await res.json()) as Record<string, any>;
    expect(res.status).toBe(202);
    expect(out).toMatchObject({ accepted: 10_000, duplicates: 0, format: "sdk-aggregated" });
    expect(
      await db.delivery.count({
        where: {
          profileId: p.id,
          inboundFormat: "sdk-aggregated",
          transmissionId: { in: [aepTransmissionId(profiles[0]!), aepTransmissionId(profiles[9_999]!)] },
        },
      }),
    ).toBe(2);
    const tooMany = await postAep(p.id, { profiles: [...profiles, profile("one-more@example.com")] }, p.secret);
    expect(tooMany).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    // Not left queued for the next files' workers.
    await db.delivery.updateMany({ where: { profileId: p.id, status: "QUEUED" }, data: { status: "FAILED", lastError: "test cleanup" } });
  }, 120_000);

  it("issues OAuth 2 client-credentials tokens (form or Basic) that authenticate only this profile", async () => {
    const form = `grant_type=client_credentials&client_id=${p.id}&client_secret=${encodeURIComponent(p.secret)}`;
    const viaForm = await tokenPOST(
      new Request(`http://relay.test/api/v1/inbound/aep/${p.id}/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
      }),
      { params: Promise.resolve({ profileId: p.id }) },
    );
    const tok = (await viaForm.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(viaForm.status).toBe(200);
    expect(tok).toMatchObject({ token_type: "bearer", expires_in: 3600 });
    const basic = `Basic ${Buffer.from(`${p.id}:${p.secret}`).toString("base64")}`;
    const viaBasic = await tokenPOST(
      new Request(`http://relay.test/api/v1/inbound/aep/${p.id}/token`, {
        method: "POST",
        headers: { Authorization: basic, "Content-Type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials",
      }),
      { params: Promise.resolve({ profileId: p.id }) },
    );
    expect(viaBasic.status).toBe(200);
    const wrong = await tokenPOST(
      new Request(`http://relay.test/api/v1/inbound/aep/${p.id}/token`, {
        method: "POST",
        body: `grant_type=client_credentials&client_id=${p.id}&client_secret=nope`,
      }),
      { params: Promise.resolve({ profileId: p.id }) },
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: "invalid_client", error_description: expect.any(String) });
    expect(await postAep(p.id, { profiles: [profile("tok@example.com")] }, tok.access_token)).toMatchObject({ status: 202, body: { accepted: 1 } });
    const other = await createDestinationProfile();
    expect((await postAep(other.id, { profiles: [profile("tok@example.com")] }, tok.access_token)).status).toBe(401);
  });

  it("accepts unauthenticated requests on the profile's unguessable URL only", async () => {
    const post = (key: string) =>
      keyPOST(new Request(`http://relay.test/api/v1/inbound/aep/${p.id}/${key}`, { method: "POST", body: HTTP_API_EXPORTED_DATA.replace("John", "Jon") }), {
        params: Promise.resolve({ profileId: p.id, key }),
      });
    const ok = await post(aepUrlKey(p.id, p.secret));
    expect(ok.status).toBe(202);
    expect(await ok.json()).toMatchObject({ accepted: 1, format: "http-api" });
    expect((await post("0".repeat(32))).status).toBe(404);
  });

  it("needs the inbound secret as a bearer token", async () => {
    expect((await postAep(p.id, { profiles: [profile("x@example.com")] }, null)).status).toBe(401);
    expect((await postAep(p.id, { profiles: [profile("x@example.com")] }, "rfin_wrong")).status).toBe(401);
    expect((await postAep(p.id, { profiles: "no" }, p.secret)).status).toBe(400);
  });
});
