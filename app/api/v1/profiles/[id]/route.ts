import { actionResponse, apiRoute, readJson } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { executeAction } from "@/lib/actions/define-action";
import { patchProfile } from "@/lib/profiles/patch";
import * as D from "@/lib/profiles/action-defs";
import { getProfileOrThrow } from "@/lib/profiles/service";

type Params = { id: string };

export const GET = apiRoute<Params>(CAN.viewProfiles, async (_req, { params }) => Response.json(await getProfileOrThrow(params.id)));

export const PATCH = apiRoute<Params>(CAN.editProfiles, async (request, { actor, ip, params }) =>
  Response.json(await patchProfile(params.id, await readJson(request, 64_000), { actor, ip })),
);

export const DELETE = apiRoute<Params>(CAN.manageUsers, async (request, { actor, ip, params }) => {
  const confirmName = new URL(request.url).searchParams.get("confirmName") ?? "";
  return actionResponse(await executeAction(D.deleteProfileDef, actor, { profileId: params.id, confirmName }, ip));
});
