import { actionResponse, apiRoute } from "@/lib/api/route";
import { refuseLargeBody } from "@/lib/api/body";
import { CAN } from "@/lib/auth/roles";
import { executeAction } from "@/lib/actions/define-action";
import { pauseProfileDef } from "@/lib/profiles/action-defs";

// Takes no body; one over 4 KB is refused rather than ignored (request size limits, issue 9).
export const POST = apiRoute<{ id: string }>(CAN.editProfiles, async (request, { actor, ip, params }) => {
  await refuseLargeBody(request);
  return actionResponse(await executeAction(pauseProfileDef, actor, { profileId: params.id }, ip));
});
