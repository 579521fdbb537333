import { actionResponse, apiRoute } from "@/lib/api/route";
import { readOptionalJson } from "@/lib/api/body";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ActionError, executeAction } from "@/lib/actions/define-action";
import { replayDeliveryDef } from "@/lib/delivery-log/action-defs";

/** Body (optional): { useMapping: "original" | "current" }. */
export const POST = apiRoute<{ id: string }>(ENDPOINTS.replayDelivery, async (request, { actor, ip, params }) => {
  // A body that is too large or not JSON is refused: it used to be read as {} and the replay went
  // ahead with the original mapping, whatever the caller asked for.
  const body = await readOptionalJson(request, 10_000);
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new ActionError('The body must be a JSON object: { useMapping?: "original" | "current" }.', "invalid");
  return actionResponse(await executeAction(replayDeliveryDef, actor, { ...body, deliveryId: params.id }, ip), 202);
});
