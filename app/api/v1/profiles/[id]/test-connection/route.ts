import { actionResponse, apiRoute, readJson } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { executeAction } from "@/lib/actions/define-action";
import { testConnectionDef } from "@/lib/profiles/action-defs";

// POST { "target": "adobe" | "rainfocus" }
export const POST = apiRoute<{ id: string }>(ENDPOINTS.testConnection, async (request, { actor, ip, params }) => {
  const body = (await readJson(request, 4_000)) as { target?: unknown } | null;
  return actionResponse(await executeAction(testConnectionDef, actor, { profileId: params.id, target: body?.target }, ip));
});
