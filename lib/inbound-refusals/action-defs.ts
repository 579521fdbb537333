import "server-only";
import { CAN } from "@/lib/auth/roles";
import { defineAction } from "@/lib/actions/define-action";
import { listRefusals, RefusalFilterSchema } from "./queries";

/** The log's "Refused requests" view: whoever reads the delivery log reads what was refused. */
export const listRefusalsDef = defineAction({
  name: "refusals.list",
  roles: CAN.viewDeliveries,
  input: RefusalFilterSchema,
  async handler(input) {
    return listRefusals(input);
  },
});
