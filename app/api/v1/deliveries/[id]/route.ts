import { actionResponse, apiRoute } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { executeAction } from "@/lib/actions/define-action";
import { getDeliveryDef } from "@/lib/delivery-log/action-defs";

export const GET = apiRoute<{ id: string }>(ENDPOINTS.getDelivery, async (_req, { actor, ip, params }) =>
  actionResponse(await executeAction(getDeliveryDef, actor, { deliveryId: params.id }, ip)),
);
