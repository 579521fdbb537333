import { actionResponse, apiRoute, apiError, readJson } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { executeAction } from "@/lib/actions/define-action";
import { createProfileDef } from "@/lib/profiles/action-defs";
import { listProfiles, ProfileFilterSchema } from "@/lib/profiles/queries";

export const GET = apiRoute(ENDPOINTS.listProfiles, async (request) => {
  const parsed = ProfileFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(400, "invalid", "Invalid filter.");
  return Response.json({ profiles: await listProfiles(parsed.data) });
});

export const POST = apiRoute(ENDPOINTS.createProfile, async (request, { actor, ip }) =>
  actionResponse(await executeAction(createProfileDef, actor, await readJson(request, 64_000), ip), 201),
);
