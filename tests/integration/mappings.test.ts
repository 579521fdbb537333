import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/define-action";
import * as D from "@/lib/profiles/action-defs";
import * as M from "@/lib/mappings/action-defs";
import { parseKey } from "@/lib/crypto/seal";
import { loadDeliveryProfiles } from "@/lib/worker/profiles";
import { mappingForProfile, prepareMapping } from "@/lib/worker/mapping-for-profile";
import { defaultSourceMapping } from "@/lib/mapping-engine";
import { PUSH_TYPES } from "@/lib/push-types/catalog";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

describe("mapping drafts and published versions", () => {
  let actors: Record<Role, Actor>;
  let profileId: string;
  const sample = {
    name: "SessionScheduled",
    payload: PUSH_TYPES.find((p) => p.name === "SessionScheduled")!.samplePayload as unknown as Record<string, unknown>,
  };

  beforeAll(async () => {
    actors = await createActors("mappings");
    const r = await executeAction(D.createProfileDef, actors.OPS, { name: "Mapped", direction: "SOURCE", eventCode: "map1" });
    if (!r.ok) throw new Error(r.error);
    profileId = r.data.profile.id;
    await executeAction(D.updateAdobeCredentialsDef, actors.OPS, { profileId, version: 1, adobeAuthMethod: "OAUTH_S2S", tenantId: "acme" });
  });

  it("starts from the direction's default and saves a draft with a revision check", async () => {
    const got = await executeAction(M.getMappingDef, actors.QA, { profileId });
    expect(got.ok && got.data.draft.revision).toBe(0);
    const rules = defaultSourceMapping("acme");
    const saved = await executeAction(M.saveMappingDraftDef, actors.OPS, { profileId, revision: 0, rules, samples: [sample], schema: null });
    expect(saved).toMatchObject({ ok: true, data: { revision: 1 } });
    const stale = await executeAction(M.saveMappingDraftDef, actors.OPS, { profileId, revision: 0, rules: [], samples: [], schema: null });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await executeAction(M.saveMappingDraftDef, actors.QA, { profileId, revision: 1, rules, samples: [], schema: null })).toMatchObject({
      code: "forbidden",
    });
  });

  it("refuses a sample that is too deep and a schema that is not an XDM schema, changing nothing", async () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 70; i++) deep = (deep.a = {}) as Record<string, unknown>;
    const r1 = await executeAction(M.saveMappingDraftDef, actors.OPS, {
      profileId,
      revision: 1,
      rules: [],
      samples: [{ name: "deep", payload: root }],
      schema: null,
    });
    expect(r1).toMatchObject({ ok: false, code: "invalid" });
    const r2 = await executeAction(M.saveMappingDraftDef, actors.OPS, { profileId, revision: 1, rules: [], samples: [], schema: { type: "string" } });
    expect(r2).toMatchObject({ ok: false, code: "invalid" });
    if (!r2.ok) expect(r2.error).toMatch(/not an XDM JSON schema/);
    const still = await executeAction(M.getMappingDef, actors.OPS, { profileId });
    expect(still.ok && still.data.draft.revision).toBe(1);
  });

  it("refuses to publish a mapping that makes a sample invalid XDM, naming the sample and field", async () => {
    const broken = defaultSourceMapping("acme").filter((r) => r.target !== "timestamp");
    await executeAction(M.saveMappingDraftDef, actors.OPS, { profileId, revision: 1, rules: broken, samples: [sample], schema: null });
    const r = await executeAction(M.publishMappingDef, actors.OPS, { profileId, revision: 2 });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    if (!r.ok) expect(r.error).toMatch(/"SessionScheduled"/);
    expect(await db.mappingVersion.count({ where: { profileId } })).toBe(0);
  });

  it("publishes versions 1 and 2, audits the diff, and the worker uses the latest", async () => {
    await executeAction(M.saveMappingDraftDef, actors.OPS, { profileId, revision: 2, rules: defaultSourceMapping("acme"), samples: [sample], schema: null });
    expect(await executeAction(M.publishMappingDef, actors.OPS, { profileId, revision: 3 })).toMatchObject({ ok: true, data: { version: 1 } });
    const changed = defaultSourceMapping("acme").map((r) =>
      r.target === "_acme.session.title" ? { target: r.target, expression: "upper(session.title)" } : r,
    );
    await executeAction(M.saveMappingDraftDef, actors.OPS, { profileId, revision: 3, rules: changed, samples: [sample], schema: null });
    expect(await executeAction(M.publishMappingDef, actors.OPS, { profileId, revision: 4 })).toMatchObject({ ok: true, data: { version: 2 } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "mapping.publish", targetId: profileId }, orderBy: { createdAt: "desc" } });
    expect(audit.after).toMatchObject({ version: 2, summary: { changed: 1, added: 0, removed: 0 } });

    const profiles = await loadDeliveryProfiles(db as never, [profileId], [parseKey(process.env.APP_ENCRYPTION_KEY!)]);
    const mapping = prepareMapping(mappingForProfile(profiles.get(profileId)!));
    expect(mapping.version).toBe(2);
    const out = mapping.map(sample.payload);
    expect(out.ok && (out.output._acme as { session: { title: string } }).session.title).toBe(
      String((sample.payload.session as { title: string }).title).toUpperCase(),
    );
  });

  it("restores version 1 as the draft without changing what is live", async () => {
    const r = await executeAction(M.restoreMappingVersionDef, actors.OPS, { profileId, version: 1, revision: 4 });
    expect(r).toMatchObject({ ok: true, data: { revision: 5 } });
    if (r.ok) expect(r.data.rules.find((x) => x.target === "_acme.session.title")).toEqual({ target: "_acme.session.title", source: "session.title" });
    expect(await db.mappingVersion.count({ where: { profileId } })).toBe(2);
  });
});
