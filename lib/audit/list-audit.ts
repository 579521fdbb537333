import "server-only";
import { db } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { diffJson, type FieldChange } from "@/lib/delivery-log/xdm-diff";
import type { AuditFilter } from "./schemas";
import { canonicalTargetType } from "./types";

const PAGE_SIZE = 50;

export type AuditRow = AuditEvent & {
  /** The target as people know it: a profile's name, a user's email; null when it names nothing we know. */
  targetLabel: string | null;
  /** What changed between before and after, field by field (empty for events without both). */
  changes: FieldChange[];
};

function whereOf(filter: AuditFilter) {
  return {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor, mode: "insensitive" as const } } : {}),
    ...(filter.targetType ? { targetType: canonicalTargetType(filter.targetType) } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
  };
}

/** Profile names and user emails for the page's targets, in two lookups (deleted profiles keep their name). */
async function withLabels(rows: AuditEvent[]): Promise<AuditRow[]> {
  const ids = (type: string[]) => [...new Set(rows.filter((r) => type.includes(r.targetType) && r.targetId).map((r) => r.targetId!))];
  const profileIds = ids(["IntegrationProfile"]);
  const userIds = ids(["User"]);
  const [profiles, users] = await Promise.all([
    profileIds.length ? db.integrationProfile.findMany({ where: { id: { in: profileIds } }, select: { id: true, name: true } }) : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
  ]);
  const labels = new Map<string, string>([...profiles.map((p) => [p.id, p.name] as const), ...users.map((u) => [u.id, u.email] as const)]);
  return rows.map((r) => ({
    ...r,
    targetLabel: r.targetId ? (labels.get(r.targetId) ?? null) : null,
    // A top-level field only in "before" was not recorded after (e.g. a replay's attempt count), not removed.
    changes: r.before !== null && r.after !== null ? diffJson(r.before, r.after).filter((c) => !(c.kind === "removed" && /^[^.[]+$/.test(c.path))) : [],
  }));
}

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listAuditEvents(filter: AuditFilter) {
  const rows = await db.auditEvent.findMany({
    where: whereOf(filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > PAGE_SIZE;
  const items = await withLabels(rows.slice(0, PAGE_SIZE));
  return { items, nextCursor: hasMore ? items[items.length - 1]!.id : null };
}

export const AUDIT_EXPORT_MAX = 10_000;

/** The filtered log as CSV (newest first, at most AUDIT_EXPORT_MAX rows): one line per event, its changes spelled out. */
export async function exportAuditCsv(filter: AuditFilter): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const rows = await db.auditEvent.findMany({ where: whereOf(filter), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: AUDIT_EXPORT_MAX + 1 });
  const items = await withLabels(rows.slice(0, AUDIT_EXPORT_MAX));
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
    // Quoted always; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula.
    return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
  };
  const header = ["time", "actor", "action", "target_type", "target_id", "target", "ip", "changes"];
  const lines = items.map((e) =>
    [
      e.createdAt.toISOString(),
      e.actorEmail ?? "system",
      e.action,
      e.targetType,
      e.targetId,
      e.targetLabel,
      e.ip,
      e.changes
        .map((c) => `${c.path}: ${c.kind === "added" ? "" : JSON.stringify(c.before)} → ${c.kind === "removed" ? "" : JSON.stringify(c.after)}`)
        .join("; ") || (e.after ? JSON.stringify(e.after) : ""),
    ]
      .map(cell)
      .join(","),
  );
  return { csv: [header.join(","), ...lines].join("\r\n") + "\r\n", rows: items.length, truncated: rows.length > AUDIT_EXPORT_MAX };
}

export async function listAuditActions(): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
