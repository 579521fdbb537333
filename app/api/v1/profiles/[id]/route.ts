import { actionResponse, apiRoute, readJson } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { executeAction } from "@/lib/actions/define-action";
import { patchProfile } from "@/lib/profiles/patch";
import * as D from "@/lib/profiles/action-defs";
import { getProfileOrThrow } from "@/lib/profiles/service";

type Params = { id: string };

export const GET = apiRoute<Params>(ENDPOINTS.getProfile, async (_req, { params }) => Response.json(await getProfileOrThrow(params.id)));

export const PATCH = apiRoute<Params>(ENDPOINTS.patchProfile, async (request, { actor, ip, params }) =>
  Response.json(await patchProfile(params.id, await readJson(request, 64_000), { actor, ip })),
);

export const DELETE = apiRoute<Params>(ENDPOINTS.deleteProfile, async (request, { actor, ip, params }) => {
  const confirmName = new URL(request.url).searchParams.get("confirmName") ?? "";
  return actionResponse(await executeAction(D.deleteProfileDef, actor, { profileId: params.id, confirmName }, ip));
});
