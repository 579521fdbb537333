import "server-only";
import { db } from "@/lib/db";
import { toProfileView } from "./view";
import { z } from "zod";

export const ProfileFilterSchema = z.object({
  q: z.string().max(100).optional(),
  direction: z.enum(["SOURCE", "DESTINATION"]).optional(),
  status: z.enum(["DRAFT", "READY", "ACTIVE", "PAUSED"]).optional(),
});
export type ProfileFilter = z.infer<typeof ProfileFilterSchema>;

/** Profiles with their last delivery and 24 h success rate, for the list. */
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
  const since = new Date(Date.now() - 24 * 3600_000);
  const [last, recent] = await Promise.all([
    db.delivery.groupBy({ by: ["profileId"], where: { profileId: { in: ids } }, _max: { receivedAt: true } }),
    db.delivery.groupBy({ by: ["profileId", "status"], where: { profileId: { in: ids }, receivedAt: { gte: since }, test: false }, _count: true }),
  ]);
  return rows.map((row) => {
    const mine = recent.filter((r) => r.profileId === row.id);
    const finished = mine.filter((r) => ["DELIVERED", "FAILED", "DEAD"].includes(r.status)).reduce((n, r) => n + r._count, 0);
    const delivered = mine.find((r) => r.status === "DELIVERED")?._count ?? 0;
    return {
      ...toProfileView(row),
      lastDeliveryAt: last.find((l) => l.profileId === row.id)?._max.receivedAt ?? null,
      successRate24h: finished ? delivered / finished : null,
      deliveries24h: mine.reduce((n, r) => n + r._count, 0),
    };
  });
}
export type ProfileListRow = Awaited<ReturnType<typeof listProfiles>>[number];

/** The profile's own audit trail, for the Activity section. */
export async function listProfileActivity(profileId: string) {
  return db.auditEvent.findMany({ where: { targetType: "IntegrationProfile", targetId: profileId }, orderBy: { createdAt: "desc" }, take: 100 });
}
