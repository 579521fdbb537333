import { apiRoute } from "@/lib/api/route";
import { CAN } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/queries";

export const GET = apiRoute(CAN.manageUsers, async () => Response.json({ users: await listUsers() }));
