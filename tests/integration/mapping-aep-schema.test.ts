import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/define-action";
import * as D from "@/lib/profiles/action-defs";
import * as M from "@/lib/mappings/action-defs";
import { createAdobeClients } from "@/lib/adobe";
import { createAllowList, DEFAULT_OUTBOUND_HOSTS } from "@/lib/outbound";
import { defaultSourceMapping } from "@/lib/mapping-engine";
import { buildDefaultRainFocusSchema } from "@/lib/xdm";
import { PUSH_TYPES } from "@/lib/push-types/catalog";
import { refreshDataflowTarget } from "@/lib/profiles/dataflow-target";
import { getProfileRowOrThrow } from "@/lib/profiles/service";
import { getAepSchema } from "@/lib/mappings/aep-schema";
import { DEMO_ADOBE, startEmulators, type RunningEmulators } from "@/emulators/index";
import { demoRegistrySchema } from "@/emulators/adobe/schema-registry";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

// Discovery (Flow Service → Catalog) then the Schema Registry lookup: publish validates against
// the user's real schema, an uploaded schema still overrides it.
describe("publish validates against the schema fetched from the Schema Registry", () => {
  let emu: RunningEmulators;
  let actors: Record<Role, Actor>;
  let profileId: string;
  const sample = {
    name: "SessionScheduled",
    payload: PUSH_TYPES.find((p) => p.name === "SessionScheduled")!.samplePayload as unknown as Record<string, unknown>,
  };

  beforeAll(async () => {
    emu = await startEmulators({ adobePort: 0, rainfocusPort: 0 });
    // The user's real schema has no session field group: the default mapping writes _demotenant.session.*.
    const real = demoRegistrySchema();
    delete (real.properties as Record<string, { properties: Record<string, unknown> }>)._demotenant!.properties.session;
    real.title = "Acme events without sessions";
    emu.adobe.state.schemas.set(DEMO_ADOBE.schemaId, real);
    actors = await createActors("aepschema");
    const r = await executeAction(D.createProfileDef, actors.OPS, { name: "AEP schema", direction: "SOURCE", eventCode: "aeps1" });
    if (!r.ok) throw new Error(r.error);
    profileId = r.data.profile.id;
    const c = await executeAction(D.updateAdobeCredentialsDef, actors.OPS, {
      profileId,
      version: 1,
      adobeAuthMethod: "OAUTH_S2S",
      adobeClientId: DEMO_ADOBE.clientId,
      adobeClientSecret: DEMO_ADOBE.clientSecret,
      adobeOrgId: DEMO_ADOBE.orgId,
      tenantId: "demotenant",
    });
    if (!c.ok) throw new Error(c.error);
    await db.integrationProfile.update({ where: { id: profileId }, data: { dataflowId: DEMO_ADOBE.flowId } });
    await executeAction(M.saveMappingDraftDef, actors.OPS, {
      profileId,
      revision: 0,
      rules: defaultSourceMapping("demotenant"),
      samples: [sample],
      schema: null,
    });
  });
  afterAll(() => emu.close());

  const adobe = () =>
    createAdobeClients({
      imsUrl: emu.adobeUrl,
      platformUrl: emu.adobeUrl,
      allowList: createAllowList({ hosts: DEFAULT_OUTBOUND_HOSTS, allowLoopback: true }),
      timeoutMs: 3000,
    });

  it("after discovery + fetch, a mapping the default schema accepts (see the next test) is refused by the fetched schema", async () => {
    expect(await getAepSchema(profileId)).toBeNull();
    const t = await refreshDataflowTarget(await getProfileRowOrThrow(profileId), { adobe: adobe() });
    expect(t).toMatchObject({ ok: true });
    expect(t.ok && t.detail).toContain('Schema "Acme events without sessions" fetched from the Schema Registry.');
    const aep = await getAepSchema(profileId);
    expect(aep).toMatchObject({ title: "Acme events without sessions", schema: { $id: DEMO_ADOBE.schemaId } });
    const refused = await executeAction(M.publishMappingDef, actors.OPS, { profileId, revision: 1 });
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    expect(!refused.ok && refused.error).toMatch(/session/);
    expect(await db.mappingVersion.count({ where: { profileId } })).toBe(0);
  });

  it("an uploaded schema overrides the fetched one", async () => {
    const saved = await executeAction(M.saveMappingDraftDef, actors.OPS, {
      profileId,
      revision: 1,
      rules: defaultSourceMapping("demotenant"),
      samples: [sample],
      schema: buildDefaultRainFocusSchema("demotenant"),
    });
    expect(saved.ok).toBe(true);
    expect(await executeAction(M.publishMappingDef, actors.OPS, { profileId, revision: 2 })).toMatchObject({ ok: true, data: { version: 1 } });
  });

  it("a schema the registry no longer knows keeps discovery working and says the fetch failed", async () => {
    emu.adobe.state.schemas.clear();
    const t = await refreshDataflowTarget(await getProfileRowOrThrow(profileId), { adobe: adobe() });
    expect(t.ok && t.detail).toMatch(/could not be fetched from the Schema Registry/);
  });
});

describe("a version published against the fetched schema", () => {
  it("restores without turning the fetched schema into an upload", async () => {
    const actors = await createActors("aeprestore");
    const r = await executeAction(D.createProfileDef, actors.OPS, { name: "AEP restore", direction: "SOURCE", eventCode: "aeps2" });
    if (!r.ok) throw new Error(r.error);
    const id = r.data.profile.id;
    await executeAction(D.updateAdobeCredentialsDef, actors.OPS, { profileId: id, version: 1, adobeAuthMethod: "OAUTH_S2S", tenantId: "demotenant" });
    const fetched = { ...buildDefaultRainFocusSchema("demotenant"), $id: DEMO_ADOBE.schemaId, title: "Fetched" };
    await db.integrationProfile.update({
      where: { id },
      data: {
        aepSchemaId: DEMO_ADOBE.schemaId,
        aepDatasetId: DEMO_ADOBE.datasetId,
        aepSchema: fetched,
        aepSchemaTitle: "Fetched",
        aepSchemaFetchedAt: new Date(),
      },
    });
    const sample = {
      name: "SessionScheduled",
      payload: PUSH_TYPES.find((p) => p.name === "SessionScheduled")!.samplePayload as unknown as Record<string, unknown>,
    };
    await executeAction(M.saveMappingDraftDef, actors.OPS, {
      profileId: id,
      revision: 0,
      rules: defaultSourceMapping("demotenant"),
      samples: [sample],
      schema: null,
    });
    expect(await executeAction(M.publishMappingDef, actors.OPS, { profileId: id, revision: 1 })).toMatchObject({ ok: true, data: { version: 1 } });
    expect((await db.mappingVersion.findFirstOrThrow({ where: { profileId: id } })).schema).toMatchObject({ $id: DEMO_ADOBE.schemaId });
    const restored = await executeAction(M.restoreMappingVersionDef, actors.OPS, { profileId: id, version: 1, revision: 1 });
    expect(restored).toMatchObject({ ok: true, data: { schema: null } });
  });
});
