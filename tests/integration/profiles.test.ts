import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/define-action";
import * as D from "@/lib/profiles/action-defs";
import { getProfileOrThrow } from "@/lib/profiles/service";
import { parseKey, unseal } from "@/lib/crypto/seal";
import { resealAll, SEALED_COLUMNS } from "@/lib/crypto/rotate";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

const SECRET = "adobe-secret-value-XYZ9";
const RF_SECRET = "rainfocus-secret-value-QWE7";

describe("integration profiles", () => {
  let actors: Record<Role, Actor>;
  let profileId: string;
  beforeAll(async () => {
    actors = await createActors("profiles");
  });

  it("creates a draft with an inbound secret shown once and stored sealed", async () => {
    const r = await executeAction(D.createProfileDef, actors.OPS, { name: "Summit → AEP", direction: "SOURCE", eventCode: "summit26" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    profileId = r.data.profile.id;
    expect(r.data.profile.status).toBe("DRAFT");
    expect(r.data.inboundSecret).toMatch(/^rfin_/);
    const row = await db.integrationProfile.findUniqueOrThrow({ where: { id: profileId } });
    expect(row.inboundSecretSealed).not.toContain(r.data.inboundSecret);
  });

  it("seals credentials, shows only the last four, and keeps them on a blank (replace-only) edit", async () => {
    const base = { profileId, adobeAuthMethod: "OAUTH_S2S", adobeClientId: "cid", adobeOrgId: "ORG@AdobeOrg", tenantId: "acme" };
    const r1 = await executeAction(D.updateAdobeCredentialsDef, actors.OPS, { ...base, version: 1, adobeClientSecret: SECRET });
    expect(r1).toMatchObject({ ok: true, data: { adobe: { clientSecret: "••••XYZ9" } } });
    const row = await db.integrationProfile.findUniqueOrThrow({ where: { id: profileId } });
    expect(row.adobeClientSecretSealed).not.toContain(SECRET);
    const r2 = await executeAction(D.updateAdobeCredentialsDef, actors.OPS, { ...base, version: 2, adobeClientSecret: "" });
    // Nothing changed (a blank secret keeps the stored one): no new version.
    expect(r2).toMatchObject({ ok: true, data: { version: 2, adobe: { clientSecret: "••••XYZ9" } } });
    const r3 = await executeAction(D.updateRainfocusCredentialsDef, actors.OPS, {
      profileId,
      version: 2,
      rainfocusClientId: "rf",
      rainfocusSecret: RF_SECRET,
      rainfocusOrgId: "org",
      rainfocusEnvironment: "dev",
    });
    expect(r3).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it("refuses a stale version with a conflict instead of overwriting", async () => {
    const stale = await executeAction(D.updateBasicsDef, actors.ADMIN, { profileId, version: 1, name: "Overwrite", eventCode: "x1" });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect((await getProfileOrThrow(profileId)).name).toBe("Summit → AEP");
  });

  it("validates the endpoint and dataflow ID and refuses unknown push types", async () => {
    const v = (await getProfileOrThrow(profileId)).version;
    const bad = await executeAction(D.updateEndpointDef, actors.OPS, {
      profileId,
      version: v,
      streamingEndpointUrl: "https://evil.example.com/collection/abcdefgh",
      dataflowId: "nope",
    });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["dataflowId", "streamingEndpointUrl"]);
    const unknown = await executeAction(D.setPushTypesDef, actors.OPS, { profileId, version: v, pushTypes: ["SessionScheduled", "Bogus"] });
    expect(unknown).toMatchObject({ ok: false, code: "invalid" });
    const good = await executeAction(D.setPushTypesDef, actors.OPS, {
      profileId,
      version: v,
      pushTypes: ["SessionScheduled", "AttendeeRegistered", "SessionScheduled"],
    });
    expect(good).toMatchObject({ ok: true, data: { pushTypes: ["AttendeeRegistered", "SessionScheduled"] } });
    const ep = await executeAction(D.updateEndpointDef, actors.OPS, {
      profileId,
      version: v + 1,
      streamingEndpointUrl: "https://dcs.adobedc.net/collection/abc123def456",
      dataflowId: "2AD0A1C4-3D4C-4F3B-9C51-A1B2C3D4E5F6",
    });
    expect(ep).toMatchObject({ ok: true, data: { endpoint: { dataflowId: "2ad0a1c4-3d4c-4f3b-9c51-a1b2c3d4e5f6" } } });
  });

  it("refuses activation with the missing items named (connections not tested)", async () => {
    const r = await executeAction(D.activateProfileDef, actors.OPS, { profileId });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    if (!r.ok) expect(r.error).toMatch(/adobe connection tested/);
  });

  it("stores RainFocus setting overrides per profile, blank = the deployment's value, and asks for a new test", async () => {
    const v = (await getProfileOrThrow(profileId)).version;
    const bad = await executeAction(D.updateRainfocusSettingsDef, actors.OPS, {
      profileId,
      version: v,
      tokenUrl: "ftp://x",
      tokenGrant: "magic",
      orgPlacement: "",
      apiProfile: "a b",
      apiProfilePlacement: "",
      writeStyle: "",
    });
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { tokenUrl: expect.any(Array), tokenGrant: expect.any(Array), apiProfile: expect.any(Array) },
    });
    const offList = await executeAction(D.updateRainfocusSettingsDef, actors.OPS, {
      profileId,
      version: v,
      tokenUrl: "https://evil.example.org/token",
      tokenGrant: "",
      orgPlacement: "",
      apiProfile: "",
      apiProfilePlacement: "",
      writeStyle: "",
    });
    expect(offList).toMatchObject({ ok: false, fieldErrors: { tokenUrl: ["This host is not on the outbound allow-list."] } });
    // Allow-listed, but Adobe's: the RainFocus client secret would be sent there.
    for (const tokenUrl of ["https://ims-na1.adobelogin.com/ims/token/v3", "https://dcs.adobedc.net/collection/x"]) {
      const elsewhere = await executeAction(D.updateRainfocusSettingsDef, actors.OPS, {
        profileId,
        version: v,
        tokenUrl,
        tokenGrant: "",
        orgPlacement: "",
        apiProfile: "",
        apiProfilePlacement: "",
        writeStyle: "",
      });
      expect(elsewhere, tokenUrl).toMatchObject({ ok: false, code: "invalid", fieldErrors: { tokenUrl: [expect.stringMatching(/RainFocus host/)] } });
    }
    const ok = await executeAction(D.updateRainfocusSettingsDef, actors.OPS, {
      profileId,
      version: v,
      tokenUrl: "",
      tokenGrant: "none",
      orgPlacement: "",
      apiProfile: "key-1",
      apiProfilePlacement: "header",
      writeStyle: "attendee-update",
    });
    expect(ok).toMatchObject({
      ok: true,
      data: {
        rainfocus: { settings: { tokenGrant: "none", apiProfile: "key-1", apiProfilePlacement: "header", writeStyle: "attendee-update" } },
        tests: { rainfocus: null },
      },
    });
    const row = await db.integrationProfile.findUniqueOrThrow({ where: { id: profileId } });
    expect(row.rainfocusSettings).toEqual({ tokenGrant: "none", apiProfile: "key-1", apiProfilePlacement: "header", writeStyle: "attendee-update" });
    const cleared = await executeAction(D.updateRainfocusSettingsDef, actors.ADMIN, {
      profileId,
      version: v + 1,
      tokenUrl: "",
      tokenGrant: "",
      orgPlacement: "",
      apiProfile: "",
      apiProfilePlacement: "",
      writeStyle: "",
    });
    expect(cleared).toMatchObject({ ok: true, data: { rainfocus: { settings: {} } } });
    expect(await executeAction(D.updateRainfocusSettingsDef, actors.QA, { profileId, version: v + 2 })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("refuses a private key that is not a valid PEM", async () => {
    const v = (await getProfileOrThrow(profileId)).version;
    const r = await executeAction(D.updateAdobeCredentialsDef, actors.OPS, {
      profileId,
      version: v,
      adobeAuthMethod: "JWT",
      adobePrivateKey: "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----",
    });
    expect(r).toMatchObject({ ok: false, fieldErrors: { adobePrivateKey: ["Not a valid PEM private key."] } });
  });

  it("never writes a secret into the audit log", async () => {
    const rows = await db.auditEvent.findMany({ where: { targetId: profileId } });
    expect(rows.length).toBeGreaterThan(3);
    const text = JSON.stringify(rows);
    for (const s of [SECRET, RF_SECRET]) expect(text).not.toContain(s);
  });

  it("QA and AUDITOR can read but not edit", async () => {
    for (const role of ["QA", "AUDITOR"] as const) {
      expect(await executeAction(D.getProfileDef, actors[role], { profileId })).toMatchObject({ ok: true });
      expect(await executeAction(D.updateBasicsDef, actors[role], { profileId, version: 1, name: "x", eventCode: "y" })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
  });

  it("refuses a second live profile with the same name, in any case, on create and on rename", async () => {
    const name = `Twin ${Date.now()}`;
    const first = await executeAction(D.createProfileDef, actors.OPS, { name, direction: "SOURCE", eventCode: "twin1" });
    expect(first).toMatchObject({ ok: true });
    const again = await executeAction(D.createProfileDef, actors.OPS, { name: name.toUpperCase(), direction: "DESTINATION", eventCode: "twin2" });
    expect(again).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: [expect.stringContaining("already exists")] } });
    const other = await executeAction(D.createProfileDef, actors.OPS, { name: `${name} (2)`, direction: "SOURCE", eventCode: "twin3" });
    if (!other.ok) throw new Error(other.error);
    const { id, version } = other.data.profile;
    const renamed = await executeAction(D.updateBasicsDef, actors.OPS, { profileId: id, version, name, eventCode: "twin3" });
    expect(renamed).toMatchObject({ ok: false, code: "invalid" });
    // Its own name, in another case, is not a clash with itself.
    const recased = await executeAction(D.updateBasicsDef, actors.OPS, { profileId: id, version, name: `${name} (2)`.toLowerCase(), eventCode: "twin3" });
    expect(recased).toMatchObject({ ok: true });
  });

  it("deletes (ADMIN, exact name) softly, keeping the row for history", async () => {
    const wrong = await executeAction(D.deleteProfileDef, actors.ADMIN, { profileId, confirmName: "summit" });
    expect(wrong).toMatchObject({ ok: false, code: "invalid" });
    expect(await executeAction(D.deleteProfileDef, actors.OPS, { profileId, confirmName: "Summit → AEP" })).toMatchObject({ code: "forbidden" });
    expect(await executeAction(D.deleteProfileDef, actors.ADMIN, { profileId, confirmName: "Summit → AEP" })).toMatchObject({ ok: true });
    expect(await db.integrationProfile.findUnique({ where: { id: profileId } })).not.toBeNull();
    expect(await executeAction(D.getProfileDef, actors.ADMIN, { profileId })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("key rotation re-seals every secret under the new key and is idempotent", async () => {
    const oldKey = parseKey(process.env.APP_ENCRYPTION_KEY!);
    const next = parseKey(randomBytes(32).toString("base64"));
    const first = await resealAll(db, [oldKey], next);
    expect(first.values).toBeGreaterThanOrEqual(3);
    expect((await resealAll(db, [oldKey], next)).values).toBe(0);
    const row = await db.integrationProfile.findUniqueOrThrow({ where: { id: profileId } });
    expect(unseal(row.adobeClientSecretSealed!, [next])).toBe(SECRET);
    expect(unseal(row.rainfocusSecretSealed!, [next])).toBe(RF_SECRET);
    for (const c of SEALED_COLUMNS) if (row[c]) expect(row[c]!.split(".")[1]).toBe(next.id);
  });
});
