import { apiRoute } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";

export const GET = apiRoute(CAN.anySignedIn, async (_req, { actor }) =>
  Response.json({ id: actor.id, email: actor.email, name: actor.name, role: actor.role, authenticatedVia: actor.via }),
);
