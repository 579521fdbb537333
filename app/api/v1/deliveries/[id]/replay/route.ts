import { actionResponse, apiRoute, readJson } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { executeAction } from "@/lib/actions/define-action";
import { replayDeliveryDef } from "@/lib/deliveries/action-defs";

/** Body (optional): { useMapping: "original" | "current" }. */
export const POST = apiRoute<{ id: string }>(CAN.replay, async (request, { actor, ip, params }) => {
  const body = request.headers.get("content-length") === "0" || !request.body ? {} : await readJson(request, 10_000).catch(() => ({}));
  return actionResponse(await executeAction(replayDeliveryDef, actor, { ...(body as object), deliveryId: params.id }, ip), 202);
});
