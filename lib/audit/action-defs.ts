import "server-only";
import { db } from "@/lib/db";
import { CAN } from "@/lib/auth/roles";
import { defineAction } from "@/lib/actions/define-action";
import { writeAudit } from "./write-audit";
import { exportAuditCsv, listAuditEvents } from "./list-audit";
import { AuditFilterSchema } from "./schemas";

export const listAuditDef = defineAction({
  name: "audit.list",
  roles: CAN.viewAudit,
  input: AuditFilterSchema,
  async handler(filter) {
    return listAuditEvents(filter);
  },
});

/** The filtered audit log as CSV; exporting it is itself audited (it copies the trail out). */
export const exportAuditDef = defineAction({
  name: "audit.export",
  roles: CAN.viewAudit,
  input: AuditFilterSchema,
  async handler(filter, { actor, ip }) {
    const out = await exportAuditCsv(filter);
    const { cursor: _c, ...f } = filter;
    await writeAudit(db, { actor, action: "audit.export", targetType: "AuditEvent", after: { filter: f, rows: out.rows, truncated: out.truncated }, ip });
    return out;
  },
});
