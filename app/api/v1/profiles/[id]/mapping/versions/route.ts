import { apiRoute } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { getProfileOrThrow } from "@/lib/profiles/service";
import { listVersions } from "@/lib/mappings/service";

export const GET = apiRoute<{ id: string }>(ENDPOINTS.listMappingVersions, async (_req, { params }) => {
  await getProfileOrThrow(params.id);
  return Response.json({ versions: await listVersions(params.id) });
});
