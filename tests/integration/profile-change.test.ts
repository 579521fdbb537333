import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { executeAction } from "@/lib/actions/define-action";
import * as D from "@/lib/profiles/action-defs";
import { changeProfile, changeProfileIn } from "@/lib/profiles/change-profile";
import { getProfileOrThrow } from "@/lib/profiles/service";
import { sealSecret } from "@/lib/crypto/keys";
import { writeAudit } from "@/lib/audit/write-audit";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { AuditFilterSchema } from "@/lib/audit/schemas";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

// Writes that are one unit: a profile change, its status and its audit event are saved together or
// not at all, and DRAFT ⇄ READY is recomputed by changeProfileIn whatever changed the checklist.
describe("integration profile change: one transaction, one status rule", () => {
  let actors: Record<Role, Actor>;
  let profileId: string;
  const ctx = () => ({ actor: actors.OPS, ip: "10.0.0.7" });
  const auditOf = (action: string) => db.auditEvent.findMany({ where: { targetId: profileId, action } });
  const status = async () => (await db.integrationProfile.findUniqueOrThrow({ where: { id: profileId } })).status;

  beforeAll(async () => {
    actors = await createActors("profile-change");
    const r = await executeAction(D.createProfileDef, actors.OPS, { name: "One unit", direction: "DESTINATION", eventCode: "unit26" });
    if (!r.ok) throw new Error(r.error);
    profileId = r.data.profile.id;
    await changeProfile(
      profileId,
      {
        version: 1,
        data: { rainfocusClientId: "rf", rainfocusSecretSealed: sealSecret("rf-secret-1234"), rainfocusOrgId: "org" },
        audit: "profile.credentials.rainfocus",
      },
      ctx(),
    );
  });

  it("records a test result without bumping the version, and the status follows only a complete checklist", async () => {
    const before = await getProfileOrThrow(profileId);
    const after = await changeProfile(
      profileId,
      { data: { rainfocusTest: { ok: true, message: "ok", at: new Date().toISOString() } }, audit: { action: "profile.test.rainfocus", after: { ok: true } } },
      ctx(),
    );
    expect(after.version).toBe(before.version);
    // Still no published mapping: the checklist is not complete.
    expect(after.status).toBe("DRAFT");
    expect(await status()).toBe("DRAFT");
  });

  it("a publish that fails after the profile change rolls back the version, the status and the audit event", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.mappingVersion.create({ data: { profileId, version: 1, rules: [] } });
        const view = await changeProfileIn(tx, profileId, { audit: { action: "mapping.publish", after: { version: 1 } } }, ctx());
        expect(view.status).toBe("READY"); // recomputed inside the transaction, from what it saved
        await tx.mappingVersion.create({ data: { profileId, version: 1, rules: [] } }); // unique (profileId, version): fails
      }),
    ).rejects.toThrow(Prisma.PrismaClientKnownRequestError);
    expect(await status()).toBe("DRAFT");
    expect(await auditOf("mapping.publish")).toHaveLength(0);
    expect(await db.mappingVersion.count({ where: { profileId } })).toBe(0);
  });

  it("a publish that commits moves DRAFT → READY with its audit event; a new credential moves it back", async () => {
    await db.$transaction(async (tx) => {
      await tx.mappingVersion.create({ data: { profileId, version: 1, rules: [] } });
      await changeProfileIn(tx, profileId, { audit: { action: "mapping.publish", after: { version: 1 } } }, ctx());
    });
    expect(await status()).toBe("READY");
    expect(await auditOf("mapping.publish")).toHaveLength(1);

    // New RainFocus credentials clear the test result (rainfocusChange), so the checklist is open again.
    const v = (await getProfileOrThrow(profileId)).version;
    const r = await executeAction(D.updateRainfocusCredentialsDef, actors.OPS, {
      profileId,
      version: v,
      rainfocusClientId: "rf2",
      rainfocusSecret: "",
      rainfocusOrgId: "org",
      rainfocusEnvironment: "dev",
    });
    expect(r).toMatchObject({ ok: true, data: { status: "DRAFT" } });
    const event = await db.auditEvent.findFirst({ where: { targetId: profileId, action: "profile.credentials.rainfocus" }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ before: { status: "READY" }, after: { status: "DRAFT" } });
  });

  it("saving a form unchanged keeps its connection test; a changed field clears it", async () => {
    const tested = { ok: true, message: "ok", at: new Date().toISOString() };
    await changeProfile(profileId, { data: { rainfocusTest: tested }, audit: { action: "profile.test.rainfocus", after: { ok: true } } }, ctx());
    const rainfocusTest = async () => (await getProfileOrThrow(profileId)).tests.rainfocus;
    const same = { rainfocusClientId: "rf2", rainfocusSecret: "", rainfocusOrgId: "org", rainfocusEnvironment: "dev" as const };
    const save = async (def: typeof D.updateRainfocusCredentialsDef | typeof D.updateRainfocusSettingsDef, input: Record<string, unknown>) => {
      const r = await executeAction(def as typeof D.updateRainfocusCredentialsDef, actors.OPS, {
        profileId,
        version: (await getProfileOrThrow(profileId)).version,
        ...(input as typeof same),
      });
      expect(r).toMatchObject({ ok: true });
    };
    // The credentials form saved as it was (the secret left blank keeps the stored one).
    await save(D.updateRainfocusCredentialsDef, same);
    expect(await rainfocusTest()).toEqual(tested);
    // The settings form saved with every field inheriting, as it already did.
    const inherited = { tokenUrl: "", tokenGrant: "", orgPlacement: "", apiProfile: "", apiProfilePlacement: "", writeStyle: "" };
    await save(D.updateRainfocusSettingsDef, inherited);
    expect(await rainfocusTest()).toEqual(tested);
    // A new value, or a secret typed again, is tested again.
    await save(D.updateRainfocusCredentialsDef, { ...same, rainfocusOrgId: "org-2" });
    expect(await rainfocusTest()).toBeNull();
    await changeProfile(profileId, { data: { rainfocusTest: tested }, audit: { action: "profile.test.rainfocus", after: { ok: true } } }, ctx());
    await save(D.updateRainfocusCredentialsDef, { ...same, rainfocusOrgId: "org-2", rainfocusSecret: "rf-secret-5678" });
    expect(await rainfocusTest()).toBeNull();
  });

  it("a form saved as it was makes no new version and no audit event; a stale one is still a conflict", async () => {
    const before = await getProfileOrThrow(profileId);
    const events = await db.auditEvent.count({ where: { targetId: profileId } });
    const same = { profileId, name: before.name, eventCode: before.eventCode };
    const r = await executeAction(D.updateBasicsDef, actors.OPS, { ...same, version: before.version });
    expect(r).toMatchObject({ ok: true, data: { version: before.version } });
    expect(await db.auditEvent.count({ where: { targetId: profileId } })).toBe(events);
    const stale = await executeAction(D.updateBasicsDef, actors.OPS, { ...same, version: before.version - 1 });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    // A real change still bumps and audits.
    const renamed = await executeAction(D.updateBasicsDef, actors.OPS, { ...same, name: `${before.name} (renamed)`, version: before.version });
    expect(renamed).toMatchObject({ ok: true, data: { version: before.version + 1 } });
    expect(await db.auditEvent.count({ where: { targetId: profileId } })).toBe(events + 1);
  });

  it("a refused check or a stale version saves nothing and audits nothing", async () => {
    const before = await getProfileOrThrow(profileId);
    const events = await db.auditEvent.count({ where: { targetId: profileId } });
    const paused = await executeAction(D.pauseProfileDef, actors.OPS, { profileId });
    expect(paused).toMatchObject({ ok: false, code: "invalid" });
    await expect(changeProfile(profileId, { version: before.version - 1, data: { name: "Stale" }, audit: "profile.update" }, ctx())).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await getProfileOrThrow(profileId)).toEqual(before);
    expect(await db.auditEvent.count({ where: { targetId: profileId } })).toBe(events);
  });

  it("writeAudit on a transaction client is rolled back with the write it records", async () => {
    const targetId = `rollback-${Date.now()}`;
    await expect(
      db.$transaction(async (tx) => {
        await writeAudit(tx, { actor: actors.ADMIN, action: "user.role", targetType: "User", targetId, after: { role: "QA" } });
        await tx.user.update({ where: { id: "no-such-user" }, data: { role: "QA" } });
      }),
    ).rejects.toThrow();
    expect(await db.auditEvent.count({ where: { targetId } })).toBe(0);
  });

  it("the audit filter finds delivery events under one target type, whatever the spelling asked for", async () => {
    const targetId = `delivery-${Date.now()}`;
    await writeAudit(db, { actor: actors.QA, action: "delivery.test.send", targetType: "Delivery", targetId });
    for (const targetType of ["Delivery", "delivery"]) {
      const { items } = await listAuditEvents(AuditFilterSchema.parse({ targetType, targetId }));
      expect(
        items.map((e) => e.targetType),
        targetType,
      ).toEqual(["Delivery"]);
    }
  });
});
