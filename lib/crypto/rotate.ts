import type { PrismaClient } from "@/lib/db-client";
import { seal, sealedKeyId, unseal, type SealKey } from "./seal";

/** Every sealed column in the schema. A new sealed column must be added here to be rotated. */
export const SEALED_COLUMNS = ["adobeClientSecretSealed", "adobePrivateKeySealed", "rainfocusSecretSealed", "inboundSecretSealed"] as const;

/**
 * Re-seals every secret under `next`, opening each with whichever of `keys` sealed it. Values
 * already under `next` are skipped, so an interrupted rotation can simply be run again.
 */
export async function resealAll(db: PrismaClient, keys: SealKey[], next: SealKey): Promise<{ profiles: number; values: number }> {
  const rows = await db.integrationProfile.findMany({ select: { id: true, ...Object.fromEntries(SEALED_COLUMNS.map((c) => [c, true])) } });
  let values = 0;
  let profiles = 0;
  for (const row of rows as Array<Record<string, string | null> & { id: string }>) {
    const data: Record<string, string> = {};
    for (const column of SEALED_COLUMNS) {
      const sealed = row[column];
      if (!sealed || sealedKeyId(sealed) === next.id) continue;
      data[column] = seal(unseal(sealed, [...keys, next]), next);
    }
    if (Object.keys(data).length) {
      await db.integrationProfile.update({ where: { id: row.id }, data });
      values += Object.keys(data).length;
      profiles++;
    }
  }
  return { profiles, values };
}
