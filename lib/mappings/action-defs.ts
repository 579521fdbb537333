import "server-only";
import { z } from "zod";
import { CAN } from "@/lib/auth/roles";
import { defineAction } from "@/lib/actions/define-action";
import { PublishSchema, RestoreSchema, SaveDraftSchema, VersionRefSchema } from "./schemas";
import { getDraft, getVersionOrThrow, listVersions, publish, restoreVersion, saveDraft } from "./service";
import { validateMappingOutput, ValidateMappingOutputSchema } from "./output-check";

const ProfileRef = z.object({ profileId: z.string().min(1).max(100) });

export const getMappingDef = defineAction({
  name: "mappings.get",
  roles: CAN.viewProfiles,
  input: ProfileRef,
  handler: async ({ profileId }) => ({ draft: await getDraft(profileId), versions: await listVersions(profileId) }),
});

export const saveMappingDraftDef = defineAction({
  name: "mappings.saveDraft",
  roles: CAN.editProfiles,
  input: SaveDraftSchema,
  handler: (input, ctx) => saveDraft(input, ctx),
});

export const publishMappingDef = defineAction({
  name: "mappings.publish",
  roles: CAN.editProfiles,
  input: PublishSchema,
  handler: ({ profileId, revision }, ctx) => publish(profileId, revision, ctx),
});

export const getMappingVersionDef = defineAction({
  name: "mappings.getVersion",
  roles: CAN.viewProfiles,
  input: VersionRefSchema,
  handler: ({ profileId, version }) => getVersionOrThrow(profileId, version),
});

export const restoreMappingVersionDef = defineAction({
  name: "mappings.restoreVersion",
  roles: CAN.editProfiles,
  input: RestoreSchema,
  handler: ({ profileId, version, revision }, ctx) => restoreVersion(profileId, version, revision, ctx),
});

/** The editor's live XDM check of its mapped output (output-check.ts): whoever may open the editor. */
export const validateMappingOutputDef = defineAction({
  name: "mappings.validateOutput",
  roles: CAN.viewProfiles,
  input: ValidateMappingOutputSchema,
  handler: async (input) => validateMappingOutput(input),
});
