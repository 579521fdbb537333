import { actionResponse, apiRoute } from "@/lib/api/route";
import { refuseLargeBody } from "@/lib/api/body";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { executeAction } from "@/lib/actions/define-action";
import { pauseProfileDef } from "@/lib/profiles/action-defs";

// Takes no body; one over 4 KB is refused rather than ignored (request size limits, issue 9).
export const POST = apiRoute<{ id: string }>(ENDPOINTS.pauseProfile, async (request, { actor, ip, params }) => {
  await refuseLargeBody(request);
  return actionResponse(await executeAction(pauseProfileDef, actor, { profileId: params.id }, ip));
});
