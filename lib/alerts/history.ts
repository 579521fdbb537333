import "server-only";
import { db } from "@/lib/db";

/** The latest alert transitions, newest first, with each webhook's outcome. */
export async function listAlertEvents(limit = 50) {
  const rows = await db.alertEvent.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
export type AlertEventRow = Awaited<ReturnType<typeof listAlertEvents>>[number];
