import "server-only";
import { db } from "@/lib/db";
import { toProfileView } from "./view";
import { outcomeTotals } from "@/lib/dashboard/aggregates";
import { windowStart } from "@/lib/dashboard/get-dashboard";
import { z } from "zod";

export const ProfileFilterSchema = z.object({
  q: z.string().max(100).optional(),
  direction: z.enum(["SOURCE", "DESTINATION"]).optional(),
  status: z.enum(["DRAFT", "READY", "ACTIVE", "PAUSED"]).optional(),
});
export type ProfileFilter = z.infer<typeof ProfileFilterSchema>;

/** Profiles with their last delivery and the dashboard's 24 h success rate, for the list. */
export async function listProfiles(filter: ProfileFilter) {
  const rows = await db.integrationProfile.findMany({
    where: {
      deletedAt: null,
      ...(filter.direction ? { direction: filter.direction } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.q ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { eventCode: { contains: filter.q, mode: "insensitive" } }] } : {}),
    },
    include: { pushTypes: true },
    orderBy: [{ updatedAt: "desc" }],
    take: 500,
  });
  const ids = rows.map((r) => r.id);
  // The dashboard's own numbers for its "24 h" range (same window, same attempt counting, test
  // events excluded), so the list and the dashboard never disagree.
  const [last, totals, published] = await Promise.all([
    db.delivery.groupBy({ by: ["profileId"], where: { profileId: { in: ids } }, _max: { receivedAt: true } }),
    outcomeTotals(db, { from: windowStart("24h", new Date()) }),
    db.mappingVersion.groupBy({ by: ["profileId"], where: { profileId: { in: ids } }, _max: { version: true } }),
  ]);
  return rows.map((row) => {
    const t = totals.byProfile.get(row.id) ?? totals.zero;
    return {
      ...toProfileView(row, published.find((v) => v.profileId === row.id)?._max.version ?? null),
      lastDeliveryAt: last.find((l) => l.profileId === row.id)?._max.receivedAt ?? null,
      successRate24h: t.successRate,
      attempts24h: t.attempts,
    };
  });
}
export type ProfileListRow = Awaited<ReturnType<typeof listProfiles>>[number];

/** The profile's own audit trail, for the Activity section. */
export async function listProfileActivity(profileId: string) {
  return db.auditEvent.findMany({ where: { targetType: "IntegrationProfile", targetId: profileId }, orderBy: { createdAt: "desc" }, take: 100 });
}
