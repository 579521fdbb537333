import { apiRoute } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";

export const GET = apiRoute(ENDPOINTS.me, async (_req, { actor }) =>
  Response.json({ id: actor.id, email: actor.email, name: actor.name, role: actor.role, authenticatedVia: actor.via }),
);
