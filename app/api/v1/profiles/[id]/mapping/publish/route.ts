import { actionResponse, apiRoute, readJson } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { executeAction } from "@/lib/actions/define-action";
import { publishMappingDef } from "@/lib/mappings/action-defs";

/** POST { revision }: validates every sample, then publishes the draft as the next version. */
export const POST = apiRoute<{ id: string }>(ENDPOINTS.publishMapping, async (request, { actor, ip, params }) => {
  const body = (await readJson(request, 4_000)) as { revision?: unknown } | null;
  return actionResponse(await executeAction(publishMappingDef, actor, { profileId: params.id, revision: body?.revision }, ip), 201);
});
