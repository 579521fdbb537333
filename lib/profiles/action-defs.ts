import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CAN } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { ActionError, defineAction } from "@/lib/actions/define-action";
import { knownPushTypeNames } from "@/lib/push-type-options";
import { readinessChecklist, readinessInput } from "./readiness";
import { createProfile, getProfileOrThrow, getProfileRowOrThrow } from "./service";
import { changeProfile } from "./change-profile";
import { adobeChange, basicsChange, endpointChange, pushTypesChange, rainfocusChange, rainfocusSettingsChange } from "./changes";
import { refreshDataflowTarget } from "./dataflow-target";
import { rotateCapability } from "./rotate-capability";
import { buildProfileMappingSet, publishProfileMappingSet } from "./data-prep-export";
import { runConnectionTest } from "./connection-test";
import type { ProfileView } from "./view";
import { listProfiles, ProfileFilterSchema } from "./queries";
import * as S from "./schemas";

export const createProfileDef = defineAction({
  name: "profiles.create",
  roles: CAN.editProfiles,
  input: S.CreateProfileSchema,
  handler: (input, ctx) => createProfile(input, ctx),
});

export const updateBasicsDef = defineAction({
  name: "profiles.updateBasics",
  roles: CAN.editProfiles,
  input: S.UpdateBasicsSchema,
  handler: ({ profileId, version, ...input }, ctx) => changeProfile(profileId, { version, ...basicsChange(input), audit: "profile.update" }, ctx),
});

export const updateAdobeCredentialsDef = defineAction({
  name: "profiles.updateAdobeCredentials",
  roles: CAN.editProfiles,
  input: S.AdobeCredentialsSchema,
  handler: ({ profileId, version, ...input }, ctx) => changeProfile(profileId, { version, ...adobeChange(input), audit: "profile.credentials.adobe" }, ctx),
});

export const updateRainfocusCredentialsDef = defineAction({
  name: "profiles.updateRainfocusCredentials",
  roles: CAN.editProfiles,
  input: S.RainfocusCredentialsSchema,
  handler: ({ profileId, version, ...input }, ctx) =>
    changeProfile(profileId, { version, ...rainfocusChange(input), audit: "profile.credentials.rainfocus" }, ctx),
});

export const updateRainfocusSettingsDef = defineAction({
  name: "profiles.updateRainfocusSettings",
  roles: CAN.editProfiles,
  input: S.RainfocusSettingsFormSchema,
  handler: async ({ profileId, version, ...input }, ctx) =>
    changeProfile(profileId, { version, ...(await rainfocusSettingsChange(input)), audit: "profile.settings.rainfocus" }, ctx),
});

export const updateEndpointDef = defineAction({
  name: "profiles.updateEndpoint",
  roles: CAN.editProfiles,
  input: S.EndpointSchema,
  async handler({ profileId, version, ...input }, ctx) {
    // endpointChange forgets the discovered dataset and schema; an XDM profile reads them again now.
    const after = await changeProfile(profileId, { version, ...(await endpointChange(input)), audit: "profile.endpoint" }, ctx);
    if (after.direction !== "SOURCE" || after.delivery.mode !== "XDM") return after;
    const t = await refreshDataflowTarget(await getProfileRowOrThrow(profileId));
    return t.ok ? getProfileOrThrow(profileId) : after;
  },
});

export const setDeliveryModeDef = defineAction({
  name: "profiles.setDeliveryMode",
  roles: CAN.editProfiles,
  input: S.DeliveryModeSchema,
  async handler({ profileId, version, deliveryMode }, ctx) {
    const check = (profile: { direction: string }) => {
      if (profile.direction !== "SOURCE") throw new ActionError("Only RainFocus → AEP profiles have a delivery mode.", "invalid");
    };
    return changeProfile(profileId, { version, data: { deliveryMode }, check, audit: "profile.deliveryMode" }, ctx);
  },
});

export const refreshDataflowDef = defineAction({
  name: "profiles.refreshDataflow",
  roles: CAN.editProfiles,
  input: S.RefreshDataflowSchema,
  async handler({ profileId }, ctx) {
    const t = await refreshDataflowTarget(await getProfileRowOrThrow(profileId));
    if (!t.ok) throw new ActionError(t.message, "invalid");
    await writeAudit(db, {
      actor: ctx.actor,
      action: "profile.dataflow.refresh",
      targetType: "IntegrationProfile",
      targetId: profileId,
      after: { detail: t.detail },
      ip: ctx.ip,
    });
    return getProfileOrThrow(profileId);
  },
});

export const setPushTypesDef = defineAction({
  name: "profiles.setPushTypes",
  roles: CAN.editProfiles,
  input: S.PushTypesSchema,
  handler: async ({ profileId, version, ...input }, ctx) =>
    changeProfile(profileId, { version, ...(await pushTypesChange(input)), audit: "profile.pushTypes" }, ctx),
});

export const testConnectionDef = defineAction({
  name: "profiles.testConnection",
  roles: CAN.editProfiles,
  input: S.TestConnectionSchema,
  handler: ({ profileId, target }, ctx) => runConnectionTest(profileId, target, ctx),
});

function setStatus(profileId: string, to: "ACTIVE" | "PAUSED", ctx: Parameters<typeof createProfile>[1]) {
  const check = (profile: ProfileView) => {
    if (to === "ACTIVE") {
      const missing = readinessChecklist(readinessInput(profile)).filter((i) => !i.done);
      if (missing.length) throw new ActionError(`Not ready to activate: ${missing.map((m) => m.label.toLowerCase()).join("; ")}.`, "invalid");
    } else if (profile.status !== "ACTIVE") {
      throw new ActionError("Only an active profile can be paused.", "invalid");
    }
  };
  return changeProfile(profileId, { version: "latest", data: { status: to }, check, audit: to === "ACTIVE" ? "profile.activate" : "profile.pause" }, ctx);
}

export const activateProfileDef = defineAction({
  name: "profiles.activate",
  roles: CAN.editProfiles,
  input: S.ProfileIdSchema,
  handler: ({ profileId }, ctx) => setStatus(profileId, "ACTIVE", ctx),
});

export const pauseProfileDef = defineAction({
  name: "profiles.pause",
  roles: CAN.editProfiles,
  input: S.ProfileIdSchema,
  handler: ({ profileId }, ctx) => setStatus(profileId, "PAUSED", ctx),
});

export const rotateInboundSecretDef = defineAction({
  name: "profiles.rotateInboundSecret",
  roles: CAN.editProfiles,
  input: S.RotateSchema,
  async handler(input, ctx) {
    const { value, profile } = await rotateCapability({ ...input, kind: "inboundSecret" }, ctx);
    return { inboundSecret: value, profile }; // the secret is shown once
  },
});

export const rotateInletDef = defineAction({
  name: "profiles.rotateInlet",
  roles: CAN.editProfiles,
  input: S.RotateSchema,
  async handler(input, ctx) {
    const { profile } = await rotateCapability({ ...input, kind: "inlet" }, ctx);
    return profile;
  },
});

/** The inlet URL is a capability (anyone holding it can post events): shown to editors, on request, audited. */
export const revealInletDef = defineAction({
  name: "profiles.revealInlet",
  roles: CAN.editProfiles,
  input: S.RefreshDataflowSchema,
  async handler({ profileId }, ctx) {
    const row = await getProfileRowOrThrow(profileId);
    if (!row.inletId) throw new ActionError("This profile has no AEP-compatible inlet yet: create one first.", "invalid");
    await writeAudit(db, { actor: ctx.actor, action: "profile.inlet.reveal", targetType: "IntegrationProfile", targetId: profileId, ip: ctx.ip });
    return { inletId: row.inletId, previousInletId: row.previousInletUntil && row.previousInletUntil > new Date() ? row.previousInletId : null };
  },
});

/** The Data Prep mapping set as JSON for download (the mapping is not secret: every viewer sees it in the editor). */
export const exportDataPrepDef = defineAction({
  name: "profiles.exportDataPrep",
  roles: CAN.viewProfiles,
  input: S.RefreshDataflowSchema,
  handler: ({ profileId }) => buildProfileMappingSet(profileId),
});

export const publishDataPrepDef = defineAction({
  name: "profiles.publishDataPrep",
  roles: CAN.editProfiles,
  input: S.RefreshDataflowSchema,
  async handler({ profileId }, ctx) {
    const r = await publishProfileMappingSet(profileId);
    await writeAudit(db, {
      actor: ctx.actor,
      action: "profile.dataPrep.publish",
      targetType: "IntegrationProfile",
      targetId: profileId,
      after: { mappingId: r.mappingId, mappingVersion: r.mappingVersion },
      ip: ctx.ip,
    });
    return r;
  },
});

export const deleteProfileDef = defineAction({
  name: "profiles.delete",
  roles: CAN.manageUsers, // ADMIN only (DESIGN.md §2)
  input: S.DeleteProfileSchema,
  async handler({ profileId, confirmName }, { actor, ip }) {
    const profile = await getProfileOrThrow(profileId);
    if (confirmName.trim() !== profile.name)
      throw new ActionError("Type the profile's exact name to delete it.", "invalid", { confirmName: ["Does not match the profile name."] });
    // Soft delete: the delivery history stays for audit.
    await db.$transaction(async (tx) => {
      await tx.integrationProfile.update({ where: { id: profileId }, data: { deletedAt: new Date(), status: "PAUSED" } });
      await writeAudit(tx, { actor, action: "profile.delete", targetType: "IntegrationProfile", targetId: profileId, before: profile, ip });
    });
    return { id: profileId };
  },
});

export const createCustomPushTypeDef = defineAction({
  name: "pushTypes.createCustom",
  roles: CAN.manageUsers,
  input: S.CustomPushTypeSchema,
  async handler(input, { actor, ip }) {
    if ((await knownPushTypeNames()).has(input.name)) throw new ActionError("A push type with this name exists.", "conflict", { name: ["Already exists."] });
    const row = await db.customPushType.create({ data: { ...input, sample: input.sample as Prisma.InputJsonValue, createdById: actor.id } });
    await writeAudit(db, { actor, action: "pushType.create", targetType: "CustomPushType", targetId: row.name, after: row, ip });
    return row;
  },
});

export const listProfilesDef = defineAction({
  name: "profiles.list",
  roles: CAN.viewProfiles,
  input: ProfileFilterSchema,
  handler: (filter) => listProfiles(filter),
});

export const getProfileDef = defineAction({
  name: "profiles.get",
  roles: CAN.viewProfiles,
  input: S.ProfileIdSchema,
  handler: ({ profileId }) => getProfileOrThrow(profileId),
});
