import { actionResponse, apiRoute } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { executeAction } from "@/lib/actions/define-action";
import { getDeliveryDef } from "@/lib/delivery-log/action-defs";

export const GET = apiRoute<{ id: string }>(CAN.viewDeliveries, async (_req, { actor, ip, params }) =>
  actionResponse(await executeAction(getDeliveryDef, actor, { deliveryId: params.id }, ip)),
);
