import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// The one lookup of "the mapping deliveries use now": a profile's latest published version (a
// higher version always wins; versions are never edited). Callers pass the client so a transaction
// sees its own publish. The worker loads many profiles' at once (lib/worker/profiles.ts)
// with the same rule.

type Client = Pick<Prisma.TransactionClient, "mappingVersion">;

const latestOf = (profileId: string) => ({ where: { profileId }, orderBy: { version: "desc" as const } });

/** The latest published version row (rules, schema, version), or null: never published. */
export function latestPublishedMapping(client: Client, profileId: string) {
  return client.mappingVersion.findFirst(latestOf(profileId));
}

/** Only its number, for views that show it (the profile's checklist): no rules or schema read. */
export async function latestPublishedVersion(client: Client, profileId: string): Promise<number | null> {
  const v = await client.mappingVersion.findFirst({ ...latestOf(profileId), select: { version: true } });
  return v?.version ?? null;
}
