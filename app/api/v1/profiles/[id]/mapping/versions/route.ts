import { apiRoute } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { getProfileOrThrow } from "@/lib/profiles/service";
import { listVersions } from "@/lib/mappings/service";

export const GET = apiRoute<{ id: string }>(CAN.viewProfiles, async (_req, { params }) => {
  await getProfileOrThrow(params.id);
  return Response.json({ versions: await listVersions(params.id) });
});
