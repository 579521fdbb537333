import type { PrismaClient } from "../db-client";
import type { Prisma } from "../generated/prisma/client";

export interface NewDelivery {
  transmissionId: string;
  pushType: string | null;
  sourcePayload: Prisma.InputJsonValue;
  /** Settled on arrival (e.g. AEP exits only): stored DELIVERED with this note, never sent. */
  settledNote?: string;
  /** A note kept with a delivery that is sent as usual (e.g. who sent a test event). */
  note?: string;
}

export interface StoreResult {
  accepted: number;
  duplicates: number;
  /** One per input item, in order; a duplicate points at the delivery stored the first time. */
  deliveryIds: string[];
  duplicateTransmissionIds: string[];
}

/**
 * Stores a whole inbound request in one transaction: all of it or none of it. A transmissionId
 * seen before for this profile (in an earlier request, or twice in this one) is not stored again:
 * the unique (profileId, transmissionId) index decides, so concurrent requests cannot both win.
 */
export async function storeDeliveries(
  db: PrismaClient,
  profile: { id: string; direction: "SOURCE" | "DESTINATION" },
  items: readonly NewDelivery[],
  opts: { test?: boolean } = {},
): Promise<StoreResult> {
  const firstIndex = new Map<string, number>();
  items.forEach((it, i) => firstIndex.has(it.transmissionId) || firstIndex.set(it.transmissionId, i));
  const unique = [...firstIndex.values()].map((i) => items[i]!);
  const now = new Date();

  const idByTransmission = await db.$transaction(async (tx) => {
    const created = await tx.delivery.createManyAndReturn({
      data: unique.map((it) => ({
        profileId: profile.id,
        direction: profile.direction,
        pushType: it.pushType,
        transmissionId: it.transmissionId,
        sourcePayload: it.sourcePayload,
        test: opts.test ?? false,
        ...(it.note ? { note: it.note } : {}),
        ...(it.settledNote ? { status: "DELIVERED" as const, note: it.settledNote, deliveredAt: now } : {}),
      })),
      skipDuplicates: true,
      select: { id: true, transmissionId: true },
    });
    const map = new Map(created.map((r) => [r.transmissionId, { id: r.id, created: true }]));
    const missing = unique.map((u) => u.transmissionId).filter((t) => !map.has(t));
    if (missing.length) {
      const existing = await tx.delivery.findMany({ where: { profileId: profile.id, transmissionId: { in: missing } }, select: { id: true, transmissionId: true } });
      for (const r of existing) map.set(r.transmissionId, { id: r.id, created: false });
    }
    return map;
  });

  const deliveryIds: string[] = [];
  const duplicateTransmissionIds: string[] = [];
  let accepted = 0;
  items.forEach((it, i) => {
    const row = idByTransmission.get(it.transmissionId)!;
    deliveryIds.push(row.id);
    if (row.created && firstIndex.get(it.transmissionId) === i) accepted++;
    else duplicateTransmissionIds.push(it.transmissionId);
  });
  return { accepted, duplicates: duplicateTransmissionIds.length, deliveryIds, duplicateTransmissionIds };
}
