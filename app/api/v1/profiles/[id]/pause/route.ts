import { actionResponse, apiRoute } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { executeAction } from "@/lib/actions/define-action";
import { pauseProfileDef } from "@/lib/profiles/action-defs";

export const POST = apiRoute<{ id: string }>(CAN.editProfiles, async (_req, { actor, ip, params }) =>
  actionResponse(await executeAction(pauseProfileDef, actor, { profileId: params.id }, ip)),
);
