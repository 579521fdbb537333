import { z } from "zod";
import { MappingRulesSchema } from "@/lib/mapping-engine";

export const MAX_SAMPLE_BYTES = 1_000_000;
export const MAX_SAMPLES = 20;

export const SampleSchema = z.object({
  name: z.string().trim().min(1).max(80),
  payload: z.record(z.string(), z.unknown()),
});

export const SaveDraftSchema = z.object({
  profileId: z.string().min(1).max(100),
  /** The revision the editor loaded; a different stored revision is a conflict. */
  revision: z.number().int().nonnegative(),
  rules: MappingRulesSchema,
  samples: z.array(SampleSchema).max(MAX_SAMPLES, `At most ${MAX_SAMPLES} samples.`),
  schema: z.record(z.string(), z.unknown()).nullable(),
});
export type SaveDraft = z.infer<typeof SaveDraftSchema>;

export const PublishSchema = z.object({ profileId: z.string().min(1).max(100), revision: z.number().int().nonnegative() });
export const VersionRefSchema = z.object({ profileId: z.string().min(1).max(100), version: z.number().int().positive() });
export const RestoreSchema = VersionRefSchema.extend({ revision: z.number().int().nonnegative() });
