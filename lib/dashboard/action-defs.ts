import "server-only";
import { CAN } from "@/lib/auth/roles";
import { defineAction } from "@/lib/actions/define-action";
import { seesEmails } from "@/lib/delivery-log/mask";
import { getDashboard } from "./get-dashboard";
import { DashboardInputSchema } from "./schemas";

/** The dashboard's one read: chart, tiles, per-profile health and top errors in one round trip. */
export const getDashboardDef = defineAction({
  name: "dashboard.get",
  roles: CAN.viewDashboard,
  input: DashboardInputSchema,
  async handler(input, { actor }) {
    return getDashboard(input, { maskEmails: !seesEmails(actor.role) });
  },
});
