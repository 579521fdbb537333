import "server-only";
import { db } from "@/lib/db";

export type AepSchemaView = { schema: Record<string, unknown>; title: string; fetchedAt: Date };

/**
 * The schema fetched from the Schema Registry for the profile's discovered dataset, or null. Only
 * while it is still the discovered schema: a dataflow that now writes elsewhere, or a forgotten
 * target, makes an old copy unusable rather than silently validating against the wrong schema.
 */
export async function getAepSchema(profileId: string): Promise<AepSchemaView | null> {
  const row = await db.integrationProfile.findFirst({
    where: { id: profileId, deletedAt: null, direction: "SOURCE" },
    select: { aepSchemaId: true, aepSchema: true, aepSchemaTitle: true, aepSchemaFetchedAt: true },
  });
  const schema = row?.aepSchema as Record<string, unknown> | null | undefined;
  if (!row || !schema || !row.aepSchemaFetchedAt || !row.aepSchemaId || schema.$id !== row.aepSchemaId) return null;
  return { schema, title: row.aepSchemaTitle ?? row.aepSchemaId, fetchedAt: row.aepSchemaFetchedAt };
}
