import { actionResponse, apiRoute, readJson } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { executeAction } from "@/lib/actions/define-action";
import { getMappingDef, saveMappingDraftDef } from "@/lib/mappings/action-defs";

type Params = { id: string };

/** GET: the draft ({ rules, samples, schema, revision }) and the published versions. */
export const GET = apiRoute<Params>(ENDPOINTS.getMapping, async (_req, { actor, ip, params }) =>
  actionResponse(await executeAction(getMappingDef, actor, { profileId: params.id }, ip)),
);

/**
 * PUT: replace the draft; send the revision you read (409 when someone saved since). At most 2 MB,
 * as the console's own save (a server action, next.config.ts bodySizeLimit) and the preview route.
 */
export const PUT = apiRoute<Params>(ENDPOINTS.saveMappingDraft, async (request, { actor, ip, params }) => {
  const body = (await readJson(request, 2_100_000)) as Record<string, unknown> | null;
  return actionResponse(await executeAction(saveMappingDraftDef, actor, { samples: [], schema: null, ...body, profileId: params.id }, ip));
});
