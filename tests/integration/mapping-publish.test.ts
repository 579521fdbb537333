import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/define-action";
import * as D from "@/lib/profiles/action-defs";
import * as M from "@/lib/mappings/action-defs";
import { defaultSourceMapping } from "@/lib/mapping-engine";
import { PUSH_TYPES } from "@/lib/push-types/catalog";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

// Publishing one draft revision twice — concurrently (two tabs, a double click) or again later —
// is one version. It made two versions of the same draft, or a 500 on (profileId, version).
describe("publish is idempotent per draft revision", () => {
  let actors: Record<Role, Actor>;
  let profileId: string;
  const sample = {
    name: "SessionScheduled",
    payload: PUSH_TYPES.find((p) => p.name === "SessionScheduled")!.samplePayload as unknown as Record<string, unknown>,
  };

  beforeAll(async () => {
    actors = await createActors("publish");
    const r = await executeAction(D.createProfileDef, actors.OPS, { name: "Published twice", direction: "SOURCE", eventCode: "pub1" });
    if (!r.ok) throw new Error(r.error);
    profileId = r.data.profile.id;
    await executeAction(D.updateAdobeCredentialsDef, actors.OPS, { profileId, version: 1, adobeAuthMethod: "OAUTH_S2S", tenantId: "acme" });
    await executeAction(M.saveMappingDraftDef, actors.OPS, { profileId, revision: 0, rules: defaultSourceMapping("acme"), samples: [sample], schema: null });
  });

  it("eight concurrent publishes of one revision make one version, audited once, and none fails", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => executeAction(M.publishMappingDef, i % 2 ? actors.OPS : actors.ADMIN, { profileId, revision: 1 })),
    );
    expect(results.map((r) => r.ok && r.data.version)).toEqual(Array(8).fill(1));
    expect(results.filter((r) => r.ok && !r.data.alreadyPublished)).toHaveLength(1);
    expect(await db.mappingVersion.count({ where: { profileId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "mapping.publish", targetId: profileId } })).toBe(1);
  });

  it("the next revision is the next version; publishing an old revision again is a conflict", async () => {
    await executeAction(M.saveMappingDraftDef, actors.OPS, {
      profileId,
      revision: 1,
      rules: defaultSourceMapping("acme").map((r) => (r.target === "_acme.session.title" ? { target: r.target, expression: "upper(session.title)" } : r)),
      samples: [sample],
      schema: null,
    });
    expect(await executeAction(M.publishMappingDef, actors.OPS, { profileId, revision: 2 })).toMatchObject({
      ok: true,
      data: { version: 2, alreadyPublished: false },
    });
    expect(await executeAction(M.publishMappingDef, actors.OPS, { profileId, revision: 2 })).toMatchObject({
      ok: true,
      data: { version: 2, alreadyPublished: true },
    });
    expect(await executeAction(M.publishMappingDef, actors.OPS, { profileId, revision: 1 })).toMatchObject({
      ok: true,
      data: { version: 1, alreadyPublished: true },
    });
    expect(await executeAction(M.publishMappingDef, actors.OPS, { profileId, revision: 3 })).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.mappingVersion.count({ where: { profileId } })).toBe(2);
  });
});
