import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/define-action";
import * as D from "@/lib/profiles/action-defs";
import { patchProfile } from "@/lib/profiles/patch";
import { getProfileOrThrow } from "@/lib/profiles/service";
import type { Actor, Role } from "@/lib/auth/roles";
import { createActors } from "../support/actors";

// PATCH /api/v1/profiles/{id} saves all its parts in one transaction with one audit event, or nothing.
describe("integration profile PATCH", () => {
  let actors: Record<Role, Actor>;
  let profileId: string;
  const audits = async () => db.auditEvent.findMany({ where: { targetId: profileId }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    actors = await createActors("patch");
    const r = await executeAction(D.createProfileDef, actors.OPS, { name: "Patch me", direction: "SOURCE", eventCode: "patch1" });
    if (!r.ok) throw new Error(r.error);
    profileId = r.data.profile.id;
  });

  it("refuses the whole request when a check only the server makes fails a later part", async () => {
    const before = await getProfileOrThrow(profileId);
    const auditCount = (await audits()).length;
    const body = { version: before.version, basics: { name: "Renamed", eventCode: "patch2" }, pushTypes: ["SessionScheduled", "NoSuchType"] };
    await expect(patchProfile(profileId, body, { actor: actors.OPS, ip: null })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { pushTypes: ["Unknown: NoSuchType"] },
    });
    const after = await getProfileOrThrow(profileId);
    expect({ name: after.name, version: after.version, pushTypes: after.pushTypes }).toEqual({ name: "Patch me", version: before.version, pushTypes: [] });
    expect((await audits()).length).toBe(auditCount);
  });

  it("saves every part at once: one new version, one audit event with the whole before and after", async () => {
    const before = await getProfileOrThrow(profileId);
    const auditCount = (await audits()).length;
    const body = {
      version: before.version,
      basics: { name: "Renamed", eventCode: "patch2" },
      pushTypes: ["SessionScheduled"],
      rainfocus: { rainfocusClientId: "rf", rainfocusEnvironment: "dev" },
    };
    const after = await patchProfile(profileId, body, { actor: actors.OPS, ip: null });
    expect(after).toMatchObject({
      name: "Renamed",
      eventCode: "patch2",
      version: before.version + 1,
      pushTypes: ["SessionScheduled"],
      rainfocus: { clientId: "rf", environment: "dev" },
    });
    const added = (await audits()).slice(auditCount);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "profile.update",
      before: { name: "Patch me", pushTypes: [] },
      after: { name: "Renamed", pushTypes: ["SessionScheduled"], rainfocus: { clientId: "rf" } },
    });
  });

  it("a stale version saves nothing and says so", async () => {
    const body = { version: 1, basics: { name: "Stale", eventCode: "patch3" } };
    await expect(patchProfile(profileId, body, { actor: actors.OPS, ip: null })).rejects.toMatchObject({ code: "conflict" });
    expect((await getProfileOrThrow(profileId)).name).toBe("Renamed");
  });
});
