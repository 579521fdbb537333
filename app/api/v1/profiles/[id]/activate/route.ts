import { actionResponse, apiRoute } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { executeAction } from "@/lib/actions/define-action";
import { activateProfileDef } from "@/lib/profiles/action-defs";

export const POST = apiRoute<{ id: string }>(CAN.editProfiles, async (_req, { actor, ip, params }) =>
  actionResponse(await executeAction(activateProfileDef, actor, { profileId: params.id }, ip)),
);
