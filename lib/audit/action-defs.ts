import "server-only";
import { CAN } from "@/lib/auth/roles";
import { defineAction } from "@/lib/actions/define-action";
import { listAuditEvents } from "./list-audit";
import { AuditFilterSchema } from "./schemas";

export const listAuditDef = defineAction({
  name: "audit.list",
  roles: CAN.viewAudit,
  input: AuditFilterSchema,
  async handler(filter) {
    return listAuditEvents(filter);
  },
});
