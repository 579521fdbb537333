import "server-only";
import { createPrivateKey } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { CAN } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { ActionError, defineAction } from "@/lib/actions/define-action";
import { knownPushTypeNames } from "./push-types";
import { readinessChecklist, readinessInput } from "./readiness";
import { createProfile, getProfileOrThrow, newInboundSecret, sealIfGiven, updateProfile } from "./service";
import { runConnectionTest } from "./connection-test";
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
  handler: ({ profileId, version, ...data }, ctx) => updateProfile(profileId, version, data, "profile.update", ctx),
});

export const updateAdobeCredentialsDef = defineAction({
  name: "profiles.updateAdobeCredentials",
  roles: CAN.editProfiles,
  input: S.AdobeCredentialsSchema,
  handler: ({ profileId, version, adobeClientSecret, adobePrivateKey, ...rest }, ctx) => {
    if (adobePrivateKey) {
      try {
        createPrivateKey(adobePrivateKey);
      } catch {
        throw new ActionError("The private key is not a valid PEM key.", "invalid", { adobePrivateKey: ["Not a valid PEM private key."] });
      }
    }
    const data = {
      ...rest,
      adobeClientSecretSealed: sealIfGiven(adobeClientSecret),
      adobePrivateKeySealed: sealIfGiven(adobePrivateKey),
      // New credentials must be tested again before the profile can be activated.
      adobeTest: Prisma.DbNull,
    };
    return updateProfile(profileId, version, data, "profile.credentials.adobe", ctx);
  },
});

export const updateRainfocusCredentialsDef = defineAction({
  name: "profiles.updateRainfocusCredentials",
  roles: CAN.editProfiles,
  input: S.RainfocusCredentialsSchema,
  handler: ({ profileId, version, rainfocusSecret, ...rest }, ctx) =>
    updateProfile(profileId, version, { ...rest, rainfocusSecretSealed: sealIfGiven(rainfocusSecret), rainfocusTest: Prisma.DbNull }, "profile.credentials.rainfocus", ctx),
});

export const updateRainfocusSettingsDef = defineAction({
  name: "profiles.updateRainfocusSettings",
  roles: CAN.editProfiles,
  input: S.RainfocusSettingsFormSchema,
  async handler({ profileId, version, ...settings }, ctx) {
    if (settings.tokenUrl && /^https?:\/\//.test(settings.tokenUrl)) {
      const { outboundAllowList } = await import("@/lib/integrations/config");
      if (!outboundAllowList().isAllowed(settings.tokenUrl)) {
        throw new ActionError("This host is not on the outbound allow-list.", "invalid", { tokenUrl: ["This host is not on the outbound allow-list."] });
      }
    }
    const overrides = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
    // A changed way of talking to RainFocus must be tested again, like changed credentials.
    const data = { rainfocusSettings: Object.keys(overrides).length ? overrides : Prisma.DbNull, rainfocusTest: Prisma.DbNull };
    return updateProfile(profileId, version, data, "profile.settings.rainfocus", ctx);
  },
});

export const updateEndpointDef = defineAction({
  name: "profiles.updateEndpoint",
  roles: CAN.editProfiles,
  input: S.EndpointSchema,
  async handler({ profileId, version, streamingEndpointUrl, dataflowId }, ctx) {
    const { outboundAllowList } = await import("@/lib/integrations/config");
    if (!outboundAllowList().isAllowed(streamingEndpointUrl)) {
      throw new ActionError("This host is not on the outbound allow-list.", "invalid", { streamingEndpointUrl: ["This host is not on the outbound allow-list."] });
    }
    // Loopback is open only for the local Adobe emulator, never for other services on this machine.
    const url = new URL(streamingEndpointUrl);
    if (["127.0.0.1", "localhost", "[::1]"].includes(url.hostname) && Number(url.port) !== env().ADOBE_EMULATOR_PORT) {
      throw new ActionError("Only the local Adobe emulator's port is allowed on this machine.", "invalid", { streamingEndpointUrl: [`Use port ${env().ADOBE_EMULATOR_PORT} (the Adobe emulator).`] });
    }
    return updateProfile(profileId, version, { streamingEndpointUrl, dataflowId: dataflowId.toLowerCase() }, "profile.endpoint", ctx);
  },
});

export const setPushTypesDef = defineAction({
  name: "profiles.setPushTypes",
  roles: CAN.editProfiles,
  input: S.PushTypesSchema,
  async handler({ profileId, version, pushTypes }, ctx) {
    const known = await knownPushTypeNames();
    const unknown = pushTypes.filter((p) => !known.has(p));
    if (unknown.length) throw new ActionError(`Unknown push type: ${unknown.join(", ")}.`, "invalid", { pushTypes: [`Unknown: ${unknown.join(", ")}`] });
    const wanted = [...new Set(pushTypes)];
    return updateProfile(profileId, version, {}, "profile.pushTypes", ctx, wanted);
  },
});

export const testConnectionDef = defineAction({
  name: "profiles.testConnection",
  roles: CAN.editProfiles,
  input: S.TestConnectionSchema,
  handler: ({ profileId, target }, ctx) => runConnectionTest(profileId, target, ctx),
});

async function setStatus(profileId: string, to: "ACTIVE" | "PAUSED", ctx: Parameters<typeof createProfile>[1]) {
  const profile = await getProfileOrThrow(profileId);
  if (to === "ACTIVE") {
    const missing = readinessChecklist(readinessInput(profile)).filter((i) => !i.done);
    if (missing.length) throw new ActionError(`Not ready to activate: ${missing.map((m) => m.label.toLowerCase()).join("; ")}.`, "invalid");
  } else if (profile.status !== "ACTIVE") {
    throw new ActionError("Only an active profile can be paused.", "invalid");
  }
  return updateProfile(profileId, profile.version, { status: to }, to === "ACTIVE" ? "profile.activate" : "profile.pause", ctx);
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
  input: S.ProfileIdSchema,
  async handler({ profileId }, ctx) {
    const profile = await getProfileOrThrow(profileId);
    const secret = newInboundSecret();
    await updateProfile(profileId, profile.version, { inboundSecretSealed: sealIfGiven(secret), inboundSecretRotatedAt: new Date() }, "profile.inboundSecret.rotate", ctx);
    return { inboundSecret: secret }; // shown once
  },
});

export const deleteProfileDef = defineAction({
  name: "profiles.delete",
  roles: CAN.manageUsers, // ADMIN only (DESIGN.md §2)
  input: S.DeleteProfileSchema,
  async handler({ profileId, confirmName }, { actor, ip }) {
    const profile = await getProfileOrThrow(profileId);
    if (confirmName.trim() !== profile.name) throw new ActionError("Type the profile's exact name to delete it.", "invalid", { confirmName: ["Does not match the profile name."] });
    // Soft delete: the delivery history stays for audit.
    await db.integrationProfile.update({ where: { id: profileId }, data: { deletedAt: new Date(), status: "PAUSED" } });
    await writeAudit({ actor, action: "profile.delete", targetType: "IntegrationProfile", targetId: profileId, before: profile, ip });
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
    await writeAudit({ actor, action: "pushType.create", targetType: "CustomPushType", targetId: row.name, after: row, ip });
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
