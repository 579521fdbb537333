import { apiRoute } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { listUsers } from "@/lib/users/queries";

export const GET = apiRoute(ENDPOINTS.listUsers, async () => Response.json({ users: await listUsers() }));
